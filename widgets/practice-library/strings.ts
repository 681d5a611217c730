// What the library says, in French (default), English and German. Field and taxonomy labels come from the domain.
import type { Lang } from '../../src/schema/messages.js';

export interface LibraryStrings {
  searchLabel: string;
  searchHint: string;
  filters: string;
  facetTitles: Record<'scales' | 'interventionTypes' | 'themes' | 'audiences' | 'relays' | 'levels' | 'regions' | 'departments' | 'years' | 'campaigns', string>;
  featuredOnly: string;
  activeFilters: string;
  removeFilter: (label: string) => string;
  clearAll: string;
  sortLabel: string;
  sorts: Record<'relevance' | 'recent' | 'implementationDate' | 'title', string>;
  results: (total: number) => string;
  noResults: string;
  loading: string;
  /** While a feed arrives: its first page is shown, the rest is coming. */
  firstResults: string;
  filtersLater: string;
  loadError: string;
  retry: string;
  page: (n: number, total: number) => string;
  previousPage: string;
  nextPage: string;
  featured: string;
  declared: string;
  onpe: string;
  nationwide: string;
  back: string;
  permalink: string;
  exportCsv: string;
  exportJson: string;
  implementedSince: string;
  published: string;
  sections: Record<'summary' | 'objectives' | 'means' | 'keysToSuccess' | 'expectedResults' | 'difficulties' | 'partners' | 'coAuthors', string>;
  notFound: string;
  /** The "Pratiques valorisées" view: its heading, and why the committee features each one. */
  highlightsTitle: string;
  motivation: string;
  /** Links between a fiche and the declared practices it was written from. */
  basedOn: string;
  fichesOf: string;
}

const fr: LibraryStrings = {
  searchLabel: 'Rechercher une pratique',
  searchHint: 'Mots du titre, de la structure ou de la description ; les accents et une faute de frappe sont tolérés.',
  filters: 'Affiner la recherche',
  facetTitles: { scales: 'Échelle', interventionTypes: 'Type d’intervention', themes: 'Thématique', audiences: 'Public visé', relays: 'Relais', levels: 'Niveau', regions: 'Région', departments: 'Département', years: 'Année de mise en œuvre', campaigns: 'Campagne de collecte' },
  featuredOnly: 'Pratiques valorisées seulement',
  activeFilters: 'Filtres actifs',
  removeFilter: (label) => `Retirer le filtre ${label}`,
  clearAll: 'Tout effacer',
  sortLabel: 'Trier par',
  sorts: { relevance: 'Pertinence', recent: 'Publication la plus récente', implementationDate: 'Date de mise en œuvre', title: 'Intitulé' },
  results: (n) => (n === 0 ? 'Aucune pratique trouvée.' : `${n} pratique${n > 1 ? 's' : ''} trouvée${n > 1 ? 's' : ''}.`),
  noResults: 'Aucune pratique ne correspond. Retirez un filtre ou essayez d’autres mots.',
  loading: 'Chargement des pratiques…',
  firstResults: 'Premiers résultats ; les autres pratiques sont en cours de chargement…',
  filtersLater: 'Les filtres et leurs nombres s’afficheront quand toutes les pratiques seront chargées.',
  loadError: 'Les pratiques n’ont pas pu être chargées.',
  retry: 'Réessayer',
  page: (n, total) => `Page ${n} sur ${total}`,
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  featured: 'Pratique valorisée',
  declared: 'Pratique déclarée',
  onpe: 'Fiche dispositif ONPE',
  nationwide: 'France entière',
  back: 'Retour aux résultats',
  permalink: 'Lien vers cette fiche',
  exportCsv: 'Télécharger les résultats (CSV)',
  exportJson: 'Télécharger les résultats (JSON)',
  implementedSince: 'Mise en œuvre depuis le',
  published: 'Publiée le',
  sections: { summary: 'Résumé', objectives: 'Objectifs', means: 'Moyens nécessaires', keysToSuccess: 'Clés de réussite', expectedResults: 'Résultats attendus', difficulties: 'Difficultés', partners: 'Partenaires', coAuthors: 'Co-auteurs' },
  notFound: 'Cette fiche n’est pas (ou plus) publiée.',
  highlightsTitle: 'Pratiques valorisées',
  motivation: 'Pourquoi le comité la valorise',
  basedOn: 'Fiche rédigée à partir de la pratique déclarée',
  fichesOf: 'Fiche dispositif de l’observatoire tirée de cette pratique',
};

const en: LibraryStrings = {
  searchLabel: 'Search a practice',
  searchHint: 'Words of the title, the organisation or the description; accents and one typo are tolerated.',
  filters: 'Refine the search',
  facetTitles: { scales: 'Scale', interventionTypes: 'Type of intervention', themes: 'Theme', audiences: 'Target audience', relays: 'Relay', levels: 'Level', regions: 'Region', departments: 'Département', years: 'Year started', campaigns: 'Collection campaign' },
  featuredOnly: 'Featured practices only',
  activeFilters: 'Active filters',
  removeFilter: (label) => `Remove the filter ${label}`,
  clearAll: 'Clear all',
  sortLabel: 'Sort by',
  sorts: { relevance: 'Relevance', recent: 'Most recently published', implementationDate: 'Date started', title: 'Title' },
  results: (n) => (n === 0 ? 'No practice found.' : `${n} practice${n > 1 ? 's' : ''} found.`),
  noResults: 'No practice matches. Remove a filter or try other words.',
  loading: 'Loading the practices…',
  firstResults: 'First results; the other practices are still loading…',
  filtersLater: 'The filters and their counts will appear once every practice is loaded.',
  loadError: 'The practices could not be loaded.',
  retry: 'Try again',
  page: (n, total) => `Page ${n} of ${total}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  featured: 'Featured practice',
  declared: 'Declared practice',
  onpe: 'ONPE fiche',
  nationwide: 'All of France',
  back: 'Back to the results',
  permalink: 'Link to this fiche',
  exportCsv: 'Download the results (CSV)',
  exportJson: 'Download the results (JSON)',
  implementedSince: 'Running since',
  published: 'Published on',
  sections: { summary: 'Summary', objectives: 'Objectives', means: 'Means required', keysToSuccess: 'Keys to success', expectedResults: 'Expected results', difficulties: 'Difficulties', partners: 'Partners', coAuthors: 'Co-authors' },
  notFound: 'This fiche is not (or no longer) published.',
  highlightsTitle: 'Featured practices',
  motivation: 'Why the committee features it',
  basedOn: 'Fiche written from the declared practice',
  fichesOf: 'Observatory fiche written from this practice',
};

const de: LibraryStrings = {
  searchLabel: 'Eine Praxis suchen',
  searchHint: 'Wörter aus Titel, Einrichtung oder Beschreibung; Akzente und ein Tippfehler werden toleriert.',
  filters: 'Suche verfeinern',
  facetTitles: { scales: 'Reichweite', interventionTypes: 'Art der Intervention', themes: 'Thema', audiences: 'Zielgruppe', relays: 'Umsetzung durch', levels: 'Ebene', regions: 'Region', departments: 'Département', years: 'Jahr der Einführung', campaigns: 'Sammelkampagne' },
  featuredOnly: 'Nur hervorgehobene Praktiken',
  activeFilters: 'Aktive Filter',
  removeFilter: (label) => `Filter ${label} entfernen`,
  clearAll: 'Alle entfernen',
  sortLabel: 'Sortieren nach',
  sorts: { relevance: 'Relevanz', recent: 'Zuletzt veröffentlicht', implementationDate: 'Einführungsdatum', title: 'Titel' },
  results: (n) => (n === 0 ? 'Keine Praxis gefunden.' : `${n} ${n > 1 ? 'Praktiken' : 'Praxis'} gefunden.`),
  noResults: 'Keine Praxis entspricht. Entfernen Sie einen Filter oder versuchen Sie andere Wörter.',
  loading: 'Praktiken werden geladen…',
  firstResults: 'Erste Ergebnisse; die übrigen Praktiken werden noch geladen…',
  filtersLater: 'Die Filter und ihre Zahlen erscheinen, sobald alle Praktiken geladen sind.',
  loadError: 'Die Praktiken konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  page: (n, total) => `Seite ${n} von ${total}`,
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  featured: 'Hervorgehobene Praxis',
  declared: 'Gemeldete Praxis',
  onpe: 'ONPE-Datenblatt',
  nationwide: 'Ganz Frankreich',
  back: 'Zurück zu den Ergebnissen',
  permalink: 'Link zu diesem Datenblatt',
  exportCsv: 'Ergebnisse herunterladen (CSV)',
  exportJson: 'Ergebnisse herunterladen (JSON)',
  implementedSince: 'Umgesetzt seit',
  published: 'Veröffentlicht am',
  sections: { summary: 'Zusammenfassung', objectives: 'Ziele', means: 'Erforderliche Mittel', keysToSuccess: 'Erfolgsfaktoren', expectedResults: 'Erwartete Ergebnisse', difficulties: 'Schwierigkeiten', partners: 'Partner', coAuthors: 'Mitautoren' },
  notFound: 'Dieses Datenblatt ist nicht (mehr) veröffentlicht.',
  highlightsTitle: 'Hervorgehobene Praktiken',
  motivation: 'Warum der Ausschuss sie hervorhebt',
  basedOn: 'Datenblatt auf Grundlage der gemeldeten Praxis',
  fichesOf: 'Datenblatt der Beobachtungsstelle zu dieser Praxis',
};

export const LIBRARY_STRINGS: Readonly<Record<Lang, LibraryStrings>> = { fr, en, de };
