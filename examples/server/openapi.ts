// The reference server's OpenAPI 3.1 document, built from the domain's own schemas and lists (served at /openapi.json, written to dist/openapi.json).
import {
  declarationJsonSchema, EVENT_TYPES, LIMITS, MAX_COMMENT_LENGTH, OPINIONS, sourceJsonSchema, STORE_ERROR_CODES, taxonomy, type JsonSchema,
} from '../../src/index.js';
import { RATE_LIMITED } from './rate-limit.js';

const REVIEW_STATES = ['draft', 'submitted', 'inReview', 'complementsRequested', 'accepted', 'published', 'rejected', 'withdrawn', 'merged'];
const codes = (list: keyof typeof taxonomy) => (taxonomy[list] as readonly { code: string }[]).map((t) => t.code);
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => jsonBody(ref('Error'), description);

/** Refusals most routes share, by status. */
const COMMON_ERRORS = {
  400: error('Paramètre, corps ou caractère invalide (`invalid-declaration`).'),
  403: error('Origine (CORS) non autorisée ou jeton sans ce rôle (`forbidden`).'),
  503: error('Stockage indisponible (`unavailable`) ; réessayer plus tard.'),
};
const COMMITTEE_ERRORS = {
  ...COMMON_ERRORS,
  401: { ...error('Aucun jeton (`forbidden`).'), headers: { 'WWW-Authenticate': { schema: { type: 'string' } } } },
};

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Identifiant de la pratique.' };
const listParam = (name: string, items: JsonSchema, description: string) => ({
  name, in: 'query', required: false, style: 'form', explode: true, schema: { type: 'array', items }, description,
});
const queryParam = (name: string, schema: JsonSchema, description: string) => ({ name, in: 'query', required: false, schema, description });

/**
 * The OpenAPI 3.1 document of the reference server's HTTP contract (docs/api.md). The declaration is
 * {@link declarationJsonSchema}; codes, states, events and opinions come from the domain's lists.
 * `serverUrl` is the API's base URL (default: relative `/`, i.e. the server that serves it).
 */
export function openApiDocument(serverUrl = '/'): JsonSchema {
  const { $schema: _, ...declaration } = declarationJsonSchema();
  const practiceView = (description: string) => ({
    description,
    content: { 'application/json': { schema: { oneOf: [ref('Practice'), ref('DeclarantPractice'), ref('PublicPractice')] } } },
    headers: { ETag: { schema: { type: 'string' }, description: 'La version de la pratique, pour If-Match.' } },
  });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Pratiques inspirantes — serveur de référence',
      version: '1',
      description: 'Déclarer, examiner, publier et rechercher les pratiques inspirantes. Le jeton (Authorization: Bearer) dit qui appelle ; '
        + 'le corps ne le dit jamais. Chaque refus est { error: { code, message, fields? } }, message en français. Voir docs/api.md.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: serverUrl }],
    security: [{}, { bearer: [] }],
    paths: {
      '/practices': {
        post: {
          operationId: 'submitDeclaration',
          summary: 'Déclarer une pratique',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'La même clé et la même déclaration rendent la première pratique.' }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['declaration'], properties: { declaration: ref('Declaration'), source: ref('Source'), invitation: { type: 'string', maxLength: 200, description: 'Le jeton d’un lien d’invitation : le serveur en déduit la campagne et le partenaire (docs/campaigns.md).' } } } } } },
          responses: {
            201: jsonBody({ type: 'object', required: ['practice', 'declarantToken'], properties: { practice: ref('DeclarantPractice'), declarantToken: { type: 'string', description: 'Le lien secret du déclarant, donné une fois.' } } }, 'Créée (ou la première, pour une clé déjà vue).'),
            409: error('La clé a déjà enregistré une autre déclaration (`already-submitted`, avec `reference`).'),
            413: error('Corps trop grand.'),
            422: error('Déclaration refusée (`invalid-declaration`, `fields` dit quel champ et pourquoi).'),
            429: { ...error('Trop de déclarations depuis ce client dans la fenêtre (`rate-limited`) ; rien n’est enregistré. `Retry-After` dit dans combien de secondes réessayer (docs/server.md).'), headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 }, description: 'Secondes avant la fin de la fenêtre.' } } },
            ...COMMON_ERRORS,
          },
        },
        get: {
          operationId: 'listPractices',
          summary: 'Files du comité',
          security: [{ bearer: [] }],
          parameters: [
            listParam('state', { type: 'string', enum: REVIEW_STATES }, 'États voulus (répéter le paramètre).'),
            queryParam('level', { type: 'string', enum: codes('levels') }, 'Niveau.'),
            queryParam('awaitingOpinionOf', { type: 'string' }, 'Pratiques en examen sans avis de ce membre.'),
            queryParam('awaitingDecision', { type: 'boolean' }, 'Pratiques qui ont leurs avis.'),
            queryParam('campaign', { type: 'string' }, 'Pratiques reçues par cette campagne ; les comptes sont alors ceux de la campagne.'),
            queryParam('offset', { type: 'integer', minimum: 0 }, 'Début de la page.'),
            queryParam('limit', { type: 'integer', minimum: 1 }, 'Taille de la page.'),
          ],
          responses: {
            200: jsonBody({ type: 'object', required: ['items', 'total', 'counts'], properties: { items: { type: 'array', items: ref('Practice') }, total: { type: 'integer' }, counts: { type: 'object', additionalProperties: { type: 'integer' } } } }, 'Les plus anciennes d’abord.'),
            ...COMMITTEE_ERRORS,
          },
        },
      },
      '/practices/{id}': {
        get: {
          operationId: 'getPractice',
          summary: 'Une pratique, vue par qui appelle',
          parameters: [idParam],
          responses: { 200: practiceView('Comité : Practice ; déclarant (son jeton) : DeclarantPractice ; public : PublicPractice si publiée.'), 404: error('Introuvable ou non visible (`not-found`).'), ...COMMON_ERRORS },
        },
      },
      '/practices/{id}/events': {
        post: {
          operationId: 'sendReviewEvent',
          summary: 'Envoyer un événement d’examen',
          security: [{ bearer: [] }],
          parameters: [idParam, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'La version sur laquelle porte l’action (`3`, `"3"` ou `W/"3"`).' }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('ReviewEvent') } } },
          responses: {
            200: practiceView('La pratique après l’événement ; le serveur date l’événement.'),
            404: error('Introuvable (`not-found`).'),
            409: error('Transition refusée (`illegal-transition`) ou version périmée (`version-conflict`, avec `currentVersion`).'),
            422: error('Déclaration des compléments refusée (`invalid-declaration`).'),
            428: error('If-Match manquant (`version-conflict`).'),
            ...COMMITTEE_ERRORS,
          },
        },
      },
      '/practices/{id}/personal-data': {
        delete: {
          operationId: 'erasePersonalData',
          summary: 'Effacer les données personnelles du déclarant',
          security: [{ bearer: [] }],
          parameters: [idParam],
          responses: { 200: practiceView('Nom, courriel et téléphone effacés ; la pratique et son historique restent.'), 404: error('Introuvable (`not-found`).'), ...COMMITTEE_ERRORS },
        },
      },
      '/me': {
        get: {
          operationId: 'whoAmI',
          summary: 'Qui est ce jeton (membre du comité)',
          security: [{ bearer: [] }],
          responses: { 200: jsonBody({ type: 'object', required: ['id', 'role'], properties: { id: { type: 'string' }, role: { type: 'string', enum: ['reviewer', 'chair', 'editor'] }, name: { type: 'string' } } }, 'Le membre.'), ...COMMITTEE_ERRORS },
        },
      },
      '/imports': {
        post: {
          operationId: 'importPractices',
          summary: 'Importer des fiches ONPE ou des déclarations recueillies (éditeur)',
          security: [{ bearer: [] }],
          parameters: [
            queryParam('dryRun', { type: 'boolean' }, 'Vérifier sans rien écrire.'),
            queryParam('origin', { type: 'string', enum: ['onpe', 'ddf'] }, 'Origine du fichier.'),
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { type: 'object', properties: { origin: { type: 'string', enum: ['onpe', 'ddf'] }, records: { type: 'array', items: ref('ImportRecord') } } } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          responses: {
            200: jsonBody({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Practice') }, report: { type: 'object' } } }, 'Tout ou rien ; une clé déjà importée ne change rien.'),
            413: error('Fichier trop grand.'),
            415: error('Ni JSON ni CSV.'),
            422: error('Au moins un enregistrement refusé ; rien n’est importé (`fields` les liste).'),
            ...COMMITTEE_ERRORS,
          },
        },
      },
      // Collection campaigns (docs/campaigns.md).
      '/campaigns': {
        post: {
          operationId: 'createCampaign',
          summary: 'Créer une campagne de collecte et ses liens d’invitation (éditeur)',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['name', 'organiser'], properties: { name: { type: 'string', maxLength: 150 }, organiser: { type: 'object', required: ['kind', 'name'], properties: { kind: { type: 'string', enum: ['network', 'department'] }, name: { type: 'string', maxLength: 150 }, department: { type: 'string' } } }, partners: { type: 'array', items: { type: 'string', maxLength: 100 } }, generic: { type: 'boolean' } } } } } },
          responses: { 201: jsonBody({ type: 'object', required: ['id', 'name', 'organiser', 'status', 'invitations', 'counts'], properties: { id: { type: 'string' }, name: { type: 'string' }, organiser: { type: 'object' }, status: { type: 'string', enum: ['open', 'closed'] }, invitations: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, partner: { type: 'string' }, token: { type: 'string' } } } }, counts: { type: 'object', properties: { received: { type: 'integer' }, inReview: { type: 'integer' }, published: { type: 'integer' } } }, organiserToken: { type: 'string', description: 'Pour l’éditeur seulement.' } } }, 'La campagne, ses liens et le jeton du lien de l’organisateur.'), 422: error('Campagne refusée (`invalid-declaration`, `fields` en français).'), ...COMMITTEE_ERRORS },
        },
        get: {
          operationId: 'listCampaigns',
          summary: 'Les campagnes et leurs comptes (comité)',
          security: [{ bearer: [] }],
          responses: { 200: jsonBody({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['id', 'name', 'organiser', 'status', 'invitations', 'counts'], properties: { id: { type: 'string' }, name: { type: 'string' }, organiser: { type: 'object' }, status: { type: 'string', enum: ['open', 'closed'] }, invitations: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, partner: { type: 'string' }, token: { type: 'string' } } } }, counts: { type: 'object', properties: { received: { type: 'integer' }, inReview: { type: 'integer' }, published: { type: 'integer' } } }, organiserToken: { type: 'string', description: 'Pour l’éditeur seulement.' } } } } } }, 'Les campagnes, de la plus ancienne à la plus récente.'), ...COMMITTEE_ERRORS },
        },
      },
      '/campaigns/{id}': {
        get: {
          operationId: 'getCampaign',
          summary: 'Une campagne : pour le comité, ou pour son organisateur par son lien secret',
          security: [{ bearer: [] }],
          parameters: [idParam],
          responses: { 200: jsonBody({ type: 'object', required: ['id', 'name', 'organiser', 'status', 'invitations', 'counts'], properties: { id: { type: 'string' }, name: { type: 'string' }, organiser: { type: 'object' }, status: { type: 'string', enum: ['open', 'closed'] }, invitations: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, partner: { type: 'string' }, token: { type: 'string' } } } }, counts: { type: 'object', properties: { received: { type: 'integer' }, inReview: { type: 'integer' }, published: { type: 'integer' } } }, organiserToken: { type: 'string', description: 'Pour l’éditeur seulement.' } } }, 'La campagne, ses liens et ses comptes.'), 404: error('Introuvable pour ce jeton (`not-found`).'), ...COMMITTEE_ERRORS },
        },
        patch: {
          operationId: 'updateCampaign',
          summary: 'Clore, rouvrir ou renommer une campagne (éditeur)',
          security: [{ bearer: [] }],
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'closed'] }, name: { type: 'string', maxLength: 150 } } } } } },
          responses: { 200: jsonBody({ type: 'object', required: ['id', 'name', 'organiser', 'status', 'invitations', 'counts'], properties: { id: { type: 'string' }, name: { type: 'string' }, organiser: { type: 'object' }, status: { type: 'string', enum: ['open', 'closed'] }, invitations: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, partner: { type: 'string' }, token: { type: 'string' } } } }, counts: { type: 'object', properties: { received: { type: 'integer' }, inReview: { type: 'integer' }, published: { type: 'integer' } } }, organiserToken: { type: 'string', description: 'Pour l’éditeur seulement.' } } }, 'La campagne modifiée.'), 404: error('Introuvable (`not-found`).'), 422: error('Valeur refusée (`invalid-declaration`).'), ...COMMITTEE_ERRORS },
        },
      },
      '/invitations/{token}': {
        get: {
          operationId: 'getInvitation',
          summary: 'Ce que dit un lien d’invitation : la campagne, le partenaire, ouverte ou close',
          parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: jsonBody({ type: 'object', required: ['campaign', 'open'], properties: { campaign: { type: 'object' }, partner: { type: 'string' }, open: { type: 'boolean' } } }, 'Le lien.'), 404: error('Lien inconnu (`not-found`).') },
        },
      },
      // Fiche authoring (docs/fiches.md): the editor, and co-authors through their secret link.
      '/fiches': {
        post: {
          operationId: 'createFiche',
          summary: 'Rédiger une fiche ONPE (éditeur) : créée en brouillon, première version enregistrée',
          security: [{ bearer: [] }],
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'La même clé et la même fiche rendent la fiche créée la première fois.' }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['fiche'], properties: { fiche: { type: 'object' }, basedOn: { type: 'array', items: { type: 'string' }, maxItems: 10, description: 'Pratiques déclarées publiées dont la fiche est tirée.' } } } } } },
          responses: {
            201: jsonBody(ref('Practice'), 'La fiche en brouillon, avec `ficheVersions`.'),
            409: error('Pratique d’origine non publiée (`illegal-transition`) ou clé déjà utilisée pour une autre fiche (`already-submitted`).'),
            422: error('Fiche refusée (`invalid-declaration`, `fields` en français).'),
            ...COMMITTEE_ERRORS,
          },
        },
      },
      '/fiches/{id}': {
        put: {
          operationId: 'editFiche',
          summary: 'Enregistrer une nouvelle version d’une fiche (éditeur ou co-auteur par son lien)',
          security: [{ bearer: [] }],
          parameters: [idParam, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'La version modifiée.' }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['fiche'], properties: { fiche: { type: 'object' }, comment: { type: 'string', maxLength: MAX_COMMENT_LENGTH } } } } } },
          responses: {
            200: practiceView('La fiche et sa nouvelle version (ce qui a changé, qui, quand).'),
            404: error('Introuvable, ou lien de co-auteur révoqué (`not-found`).'),
            409: error('Version périmée (`version-conflict`).'),
            422: error('Fiche refusée (`invalid-declaration`).'),
            428: error('If-Match manquant (`version-conflict`).'),
            ...COMMITTEE_ERRORS,
          },
        },
      },
      '/fiches/{id}/versions': {
        get: {
          operationId: 'ficheVersions',
          summary: 'L’historique des versions d’une fiche (éditeur, comité, co-auteur)',
          security: [{ bearer: [] }],
          parameters: [idParam],
          responses: {
            200: jsonBody({ type: 'object', required: ['id', 'versions'], properties: { id: { type: 'string' }, reference: { type: 'string' }, version: { type: 'integer' }, versions: { type: 'array', items: { type: 'object' } } } }, 'Les versions, de la plus ancienne à la plus récente.'),
            404: error('Introuvable pour ce jeton (`not-found`).'),
            ...COMMITTEE_ERRORS,
          },
        },
      },
      '/fiches/{id}/coauthors': {
        post: {
          operationId: 'inviteCoauthor',
          summary: 'Inviter un co-auteur : un lien secret pour modifier cette fiche seulement (éditeur)',
          security: [{ bearer: [] }],
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 100 }, organisation: { type: 'string', maxLength: 150 } } } } } },
          responses: {
            201: jsonBody({ type: 'object', required: ['link', 'token', 'practice'], properties: { link: { type: 'object' }, token: { type: 'string', description: 'Montré une seule fois.' }, practice: ref('Practice') } }, 'Le lien et son jeton.'),
            404: error('Introuvable (`not-found`).'),
            422: error('Nom manquant ou trop long (`invalid-declaration`).'),
            ...COMMITTEE_ERRORS,
          },
        },
      },
      '/fiches/{id}/coauthors/{linkId}': {
        delete: {
          operationId: 'revokeCoauthor',
          summary: 'Révoquer le lien d’un co-auteur (éditeur)',
          security: [{ bearer: [] }],
          parameters: [idParam, { name: 'linkId', in: 'path', required: true, schema: { type: 'string' }, description: 'Identifiant du lien.' }],
          responses: { 200: practiceView('La fiche ; le jeton du lien est oublié.'), 404: error('Introuvable (`not-found`).'), ...COMMITTEE_ERRORS },
        },
      },
      '/fiches/{id}/publish': {
        post: {
          operationId: 'publishFiche',
          summary: 'Publier une fiche en brouillon (éditeur) : date de dernière actualisation et échéance fixées',
          security: [{ bearer: [] }],
          parameters: [idParam, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'La version publiée.' }],
          responses: { 200: practiceView('La fiche publiée.'), 409: error('Refusé (`illegal-transition`, `version-conflict`).'), 428: error('If-Match manquant.'), ...COMMITTEE_ERRORS },
        },
      },
      '/fiches/{id}/actualise': {
        post: {
          operationId: 'actualiseFiche',
          summary: 'Actualiser une fiche publiée (éditeur) : relue aujourd’hui, nouvelle échéance',
          security: [{ bearer: [] }],
          parameters: [idParam, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'La version actualisée.' }],
          requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { comment: { type: 'string', maxLength: MAX_COMMENT_LENGTH } } } } } },
          responses: { 200: practiceView('La fiche actualisée.'), 409: error('Refusé (`illegal-transition`, `version-conflict`).'), 428: error('If-Match manquant.'), ...COMMITTEE_ERRORS },
        },
      },
      '/feed/valorisees.atom': {
        get: {
          operationId: 'feedHighlightsAtom',
          summary: 'Le flux Atom des pratiques valorisées par le comité, avec la motivation de chacune',
          responses: { 200: { description: 'Atom 1.0, la plus récemment valorisée d’abord.', content: { 'application/atom+xml': { schema: { type: 'string' } } } }, ...COMMON_ERRORS },
        },
      },
      '/search': {
        get: {
          operationId: 'searchLibrary',
          summary: 'Rechercher dans la bibliothèque publique',
          parameters: [
            queryParam('text', { type: 'string' }, 'Texte libre.'),
            ...(['scales', 'interventionTypes', 'themes', 'audiences', 'relays', 'regions', 'departments', 'levels'] as const)
              .map((list) => listParam(list, { type: 'string', enum: codes(list) }, 'OU dans la liste, ET entre listes.')),
            listParam('years', { type: 'integer' }, 'Années de mise en œuvre.'),
            listParam('campaigns', { type: 'string' }, 'Campagnes de collecte, par identifiant (`campaign.id` des pratiques) : OU dans la liste, ET entre listes.'),
            queryParam('featured', { type: 'boolean' }, 'Seulement les pratiques mises en avant.'),
            queryParam('sort', { type: 'string', enum: ['relevance', 'recent', 'implementationDate', 'title'] }, 'Ordre.'),
            queryParam('offset', { type: 'integer', minimum: 0 }, 'Début de la page.'),
            queryParam('limit', { type: 'integer', minimum: 1 }, 'Taille de la page.'),
          ],
          responses: {
            200: jsonBody({ type: 'object', required: ['items', 'total', 'facets'], properties: { items: { type: 'array', items: ref('PublicPractice') }, total: { type: 'integer' }, facets: { type: 'object' }, matches: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }, labels: { type: 'object', required: ['campaigns'], properties: { campaigns: { type: 'object', additionalProperties: { type: 'string' }, description: 'Le nom de chaque campagne de `facets.campaigns`, par identifiant.' } } } } }, 'Une page de résultats et les facettes.'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/feed.json': {
        get: {
          operationId: 'feedJson', summary: 'Le flux JSON des pratiques publiées (aussi le `src` de la bibliothèque)',
          responses: { 200: jsonBody(ref('Feed'), 'Dans l’ordre de la bibliothèque.'), ...COMMON_ERRORS },
        },
      },
      '/feed.csv': {
        get: {
          operationId: 'feedCsv', summary: 'Les pratiques publiées en CSV',
          parameters: [queryParam('lang', { type: 'string', enum: ['fr', 'en', 'de'] }, 'Langue des en-têtes et libellés.'), queryParam('separator', { type: 'string', enum: [';', ','] }, 'Séparateur (`;` par défaut).')],
          responses: { 200: { description: 'CSV (UTF-8 avec BOM), en pièce jointe.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...COMMON_ERRORS },
        },
      },
      '/feed.atom': {
        get: {
          operationId: 'feedAtom', summary: 'Les pratiques publiées en Atom 1.0',
          responses: { 200: { description: 'Les plus récentes d’abord.', content: { 'application/atom+xml': { schema: { type: 'string' } } } }, ...COMMON_ERRORS },
        },
      },
      '/taxonomy.json': {
        get: {
          operationId: 'taxonomy', summary: 'Les listes (codes et libellés), régions et départements',
          responses: { 200: jsonBody({ type: 'object', required: ['version'], properties: { version: { type: 'string', const: taxonomy.version } } }, 'Le fichier taxonomy.json du paquet.') },
        },
      },
      '/declaration.schema.json': {
        get: {
          operationId: 'declarationSchema', summary: 'Le JSON Schema d’une déclaration',
          responses: { 200: { description: 'declarationJsonSchema() du domaine.', content: { 'application/schema+json': { schema: { type: 'object' } } } } },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApi', summary: 'Ce document',
          responses: { 200: { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/health': {
        get: {
          operationId: 'health', summary: 'La base répond-elle ?',
          responses: { 200: jsonBody({ type: 'object', properties: { status: { const: 'ok' } } }, 'Oui.'), 503: error('Non (`unavailable`).') },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Un jeton du comité, ou le lien secret du déclarant.' } },
      schemas: {
        Declaration: declaration,
        Source: (({ $schema: _, ...rest }) => rest)(sourceJsonSchema()),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: [...STORE_ERROR_CODES, RATE_LIMITED], description: 'Les codes du stockage, et `rate-limited` (limite par client du serveur).' },
                message: { type: 'string', description: 'En français ; dit pourquoi.' },
                fields: { type: 'array', items: { type: 'object', required: ['field', 'code', 'message'], properties: { field: { type: 'string', description: 'Chemin pointé, « location.departments ».' }, code: { type: 'string' }, message: { type: 'string' } } } },
                currentVersion: { type: 'integer', description: 'Sur `version-conflict`.' },
                reference: { type: 'string', description: 'Sur `already-submitted`.' },
              },
            },
          },
        },
        ReviewEvent: {
          type: 'object',
          required: ['type'],
          description: 'Sans `actor` ni `at` : le jeton dit qui, le serveur dit quand.',
          properties: {
            type: { type: 'string', enum: [...EVENT_TYPES] },
            comment: { type: 'string', maxLength: MAX_COMMENT_LENGTH },
            opinion: { type: 'string', enum: [...OPINIONS] },
            into: { type: 'string', description: 'MERGE : l’identifiant de la pratique qui la remplace.' },
            declaration: ref('Declaration'),
          },
        },
        ImportRecord: {
          oneOf: [
            { type: 'object', required: ['level', 'fiche'], properties: { level: { const: 'onpe' }, fiche: { type: 'object' }, key: { type: 'string' } } },
            { type: 'object', required: ['level', 'declaration'], properties: { level: { const: 'declared' }, declaration: ref('Declaration'), key: { type: 'string' }, source: ref('Source') } },
          ],
        },
        PublicPractice: {
          type: 'object',
          required: ['id', 'reference', 'level', 'featured', 'publishedAt', 'updatedAt'],
          description: 'Publiée, sans données d’examen ni données personnelles.',
          properties: {
            id: { type: 'string' }, reference: { type: 'string' }, level: { type: 'string', enum: codes('levels') }, featured: { type: 'boolean' },
            publishedAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
            declaration: { type: 'object', description: 'La déclaration sans `declarant` ni `departmentAgreement`.' }, fiche: { type: 'object' },
            campaign: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } }, description: 'La campagne de collecte par laquelle elle a été reçue (docs/campaigns.md).' },
          },
        },
        Practice: {
          type: 'object',
          required: ['id', 'reference', 'level', 'review', 'version', 'createdAt', 'updatedAt'],
          description: 'Vue du comité.',
          properties: {
            id: { type: 'string' }, reference: { type: 'string' }, level: { type: 'string', enum: codes('levels') }, version: { type: 'integer' },
            createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
            declaration: { type: 'object' }, fiche: { type: 'object' }, source: ref('Source'),
            review: { type: 'object', required: ['state'], properties: { state: { type: 'string', enum: REVIEW_STATES }, featured: { type: 'boolean' }, opinions: { type: 'array' }, history: { type: 'array' } } },
          },
        },
        DeclarantPractice: {
          type: 'object',
          required: ['id', 'reference', 'review', 'version'],
          description: 'Vue du déclarant : sans les avis du comité.',
          properties: {
            id: { type: 'string' }, reference: { type: 'string' }, version: { type: 'integer' }, declaration: { type: 'object' },
            review: { type: 'object', required: ['state', 'history', 'allowed'], properties: { state: { type: 'string', enum: REVIEW_STATES }, history: { type: 'array' }, allowed: { type: 'array' } } },
          },
        },
        Feed: {
          type: 'object',
          required: ['format', 'taxonomyVersion', 'generatedAt', 'items'],
          properties: { format: { const: 'pratiques-inspirantes/1' }, taxonomyVersion: { type: 'string' }, generatedAt: { type: 'string', format: 'date-time' }, items: { type: 'array', items: ref('PublicPractice') } },
        },
      },
    },
    'x-limits': LIMITS,
  };
}
