// Shapes of the territory records generated from the INSEE-based data package.

/** A French région (metropolitan or overseas), identified by its INSEE code. */
export interface Region {
  /** INSEE code, e.g. `"84"`. */
  readonly code: string;
  /** French name, e.g. `"Auvergne-Rhône-Alpes"`. */
  readonly label: string;
  readonly zone: 'metro' | 'drom';
  /** Definite article used before the name (`"le"`, `"la"`, `"les"`, `"l'"` or `""`). */
  readonly article: string;
  /** Phrase for "in this territory": `"en Bretagne"`, `"dans les Hauts-de-France"`. */
  readonly locative: string;
}

/** A French département, identified by its INSEE code (`"01"`, `"2A"`, `"974"`). */
export interface Department extends Region {
  /** INSEE code of the région it belongs to. */
  readonly region: string;
}
