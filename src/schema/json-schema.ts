// The declaration's JSON Schema, generated from its zod schema: one function for dist/declaration.schema.json, the server and the OpenAPI document.
import * as z from 'zod/mini';
import { OTHER } from '../taxonomy/lists.js';
import { createDeclarationSchema, LIMITS } from './declaration.js';
import { jsonSchemaHints, LOCATION_RULES, OTHER_FIELDS } from './fields.js';
import { createSourceSchema } from './source.js';

/** A JSON Schema document (draft 2020-12), as plain JSON. */
export type JsonSchema = Record<string, unknown>;

/**
 * What the JSON Schema cannot say, each with the validation code the domain gives when it refuses.
 * A declaration the JSON Schema accepts is accepted by {@link validateDeclaration} unless one of these
 * rules refuses it; the reverse always holds (whatever the domain accepts, the JSON Schema accepts).
 */
export const JSON_SCHEMA_EXCEPTIONS = [
  { code: 'too_long', rule: 'Les longueurs se comptent en caractères visibles (graphèmes, après NFC et suppression des espaces de début et de fin), pas en points de code : JSON Schema ne compte que les points de code.' },
  { code: 'date_invalid', rule: 'Une date doit exister : le schéma borne le jour à 1–31 et le mois à 1–12, sans la longueur de chaque mois ni les années bissextiles (31/04, 29/02/2023).' },
  { code: 'date_in_future', rule: 'Une date ne peut être future : cela dépend du jour de la déclaration, qu’un schéma statique ne connaît pas.' },
  { code: 'date_too_recent', rule: 'La pratique doit avoir au moins minPracticeAgeMonths mois (12 par défaut) le jour de la déclaration : idem.' },
  { code: 'department_outside_regions', rule: 'Pour une pratique régionale, les départements nommés doivent appartenir à ses régions : JSON Schema ne relie pas deux listes (il faudrait une condition par département).' },
  { code: 'single_department', rule: 'Une pratique locale nomme un seul département ; la liste peut le répéter (les doublons sont retirés), ce que « un seul élément distinct » ne permet pas d’exprimer.' },
  { code: 'invalid_characters', rule: 'Une tabulation verticale ou un saut de page au milieu d’une description (texte multiligne) est refusé ; le schéma les laisse passer partout, car un texte d’une ligne les replie en espace.' },
  { code: 'email_invalid', rule: 'L’adresse est vérifiée après normalisation NFC ; le schéma lit le texte tel qu’envoyé et laisse passer un domaine de premier niveau d’un seul caractère non ASCII.' },
] as const;

const field = (label: string) => `propriétés « ${label} »`;

/** The conditions between fields, generated from the domain's own tables ("Autre" precisions, territory by scale). */
function crossFieldConditions(): JsonSchema[] {
  const conditions: JsonSchema[] = [];
  for (const [list, other] of OTHER_FIELDS) {
    const chosen = list === 'relay' ? { const: OTHER } : { type: 'array', contains: { const: OTHER } };
    conditions.push({
      $comment: `« Autre » dans ${field(list)} demande une précision dans ${field(other)}.`,
      if: { properties: { [list]: chosen }, required: [list] },
      then: { properties: { [other]: { type: 'string', pattern: '\\S' } }, required: [other] },
    });
  }
  for (const [scale, rule] of Object.entries(LOCATION_RULES)) {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    if (scale === 'nationale') {
      properties.regions = { type: ['array', 'null'], maxItems: 0 };
      properties.departments = { type: ['array', 'null'], maxItems: 0 };
    } else {
      if (rule.regions === 'many') (properties.regions = { type: 'array', minItems: 1 }), required.push('regions');
      // "one" stays at least one: the list may repeat its département (see JSON_SCHEMA_EXCEPTIONS).
      if (rule.departments !== 'none') (properties.departments = { type: 'array', minItems: 1 }), required.push('departments');
      if (rule.locality === 'required') (properties.locality = { type: 'string', pattern: '\\S' }), required.push('locality');
    }
    conditions.push({
      $comment: `Le territoire que demande l’échelle « ${scale} ».`,
      if: { properties: { scale: { const: scale } }, required: ['scale'] },
      then: { properties: { location: { type: 'object', properties, ...(required.length ? { required } : {}) } } },
    });
  }
  return conditions;
}

/** Says each text field's limit in visible characters, from {@link LIMITS} (the keyword JSON Schema has, maxLength, counts otherwise). */
function describeLimits(schema: JsonSchema, name = ''): void {
  const limit = name.endsWith('Other') ? LIMITS.other : (LIMITS as Record<string, number>)[name];
  if (limit !== undefined && (schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string')))) {
    schema.description = `Au plus ${limit} caractères visibles (graphèmes, après normalisation NFC et suppression des espaces de début et de fin).`;
  }
  if (name === 'implementationDate') {
    schema.description = 'JJ/MM/AAAA (aussi J/M/AAAA, séparateurs « . » ou « - ») ou AAAA-MM-JJ, à partir de 1900, ni future, et au moins 12 mois avant la déclaration (par défaut) ; enregistrée au format ISO.';
  }
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) describeLimits(child, key);
}

/**
 * The JSON Schema (draft 2020-12) of a declaration as a partner sends it, generated from
 * {@link createDeclarationSchema} with zod's `toJSONSchema` (input side) and the domain's tables.
 * Whatever {@link validateDeclaration} accepts, this schema accepts; the rules it cannot say are
 * listed in {@link JSON_SCHEMA_EXCEPTIONS} and in its `description`. Never edited by hand:
 * `dist/declaration.schema.json` and the reference server's `/declaration.schema.json` are this value.
 *
 * @example
 * const schema = declarationJsonSchema();
 * new Ajv2020({ strict: true }).compile(schema)(declaration);
 */
export function declarationJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(createDeclarationSchema() as unknown as z.ZodMiniType, {
    io: 'input', metadata: jsonSchemaHints, unrepresentable: 'throw',
  }) as JsonSchema;
  describeLimits(generated);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Déclaration d’une pratique inspirante',
    description: 'Une déclaration (niveau 1) telle qu’un site partenaire l’envoie. Généré depuis le schéma zod du domaine '
      + '(pratiques-inspirantes) ; tout ce que le domaine accepte, ce schéma l’accepte. Règles que JSON Schema ne sait pas dire, '
      + 'appliquées par le domaine et le serveur : ' + JSON_SCHEMA_EXCEPTIONS.map((e) => `${e.rule} [${e.code}]`).join(' ')
      + ` Limites en caractères visibles : ${Object.entries(LIMITS).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    ...rest,
    allOf: crossFieldConditions(),
  };
}

/** The JSON Schema of a submission's `source` (`{ partner?, page? }`), generated like {@link declarationJsonSchema}. */
export function sourceJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(createSourceSchema() as unknown as z.ZodMiniType, { io: 'input', metadata: jsonSchemaHints, unrepresentable: 'throw' }) as JsonSchema;
  return { ...generated, description: 'Le site partenaire d’où vient une déclaration : partner au plus 100, page au plus 2 000 caractères visibles.' };
}
