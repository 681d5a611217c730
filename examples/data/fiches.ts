// Example level-2 "fiches dispositifs" of the national observatory (ONPE), as the observatory
// writes them after interviews and immersion with the teams. Bodies are generic or fictional;
// co-authors are fictional people.
import type { Fiche } from '../../src/model.js';

/** One example ONPE fiche with its publication date and, for some, the committee's highlight. */
export interface ExampleFiche {
  key: string;
  fiche: Fiche;
  /** ISO datetime of the publication in the library. */
  publishedAt: string;
  featured?: { motivation: string };
  /** Keys of the example declared practices the fiche was written from. */
  basedOn?: string[];
}

export const exampleFiches: ExampleFiche[] = [
  {
    key: 'fiche-prostitution-mineurs-93',
    publishedAt: '2024-02-15T09:00:00.000Z',
    featured: {
      motivation:
        'Pertinence : la prostitution des mineurs est un chantier prioritaire de l’observatoire. La fiche décrit un dispositif qui relie prévention, repérage en ligne et mise à l’abri, et en documente honnêtement les limites.',
    },
    fiche: {
      title: 'Prévenir et prendre en charge la prostitution des mineurs : une équipe départementale dédiée',
      entityName: 'Conseil départemental de la Seine-Saint-Denis et association Vigie Ados',
      summary:
        'Une équipe pluridisciplinaire départementale, portée conjointement par le département et une association spécialisée, intervient auprès des adolescents en situation ou en risque de prostitution : repérage, « aller vers » physique et numérique, mise à l’abri, accompagnement au long cours et formation des professionnels. La fiche s’appuie sur des entretiens avec l’équipe, des magistrats et des jeunes accompagnés.',
      objectives:
        'Le dispositif poursuit quatre objectifs. Repérer plus tôt les situations, alors que les jeunes concernés se reconnaissent rarement comme victimes et que l’exploitation passe désormais par les réseaux sociaux et les locations de courte durée. Créer une relation de confiance avec des adolescents souvent en fugue, en rupture avec les institutions et sous l’emprise d’un proxénète ou d’un « petit ami ». Proposer des réponses de protection adaptées, y compris des mises à l’abri éloignées, sans que l’accompagnement s’interrompe à chaque fugue. Enfin, outiller l’ensemble des professionnels du territoire (aide sociale à l’enfance, éducation nationale, santé, police) pour que le repérage ne repose pas sur quelques personnes.',
      means:
        'L’équipe compte cinq éducateurs spécialisés, une psychologue, une infirmière et une cheffe de service, financés à parts égales par le département et par des crédits de l’État. Elle dispose de deux téléphones professionnels pour maintenir le contact par messagerie, d’un véhicule et d’un budget d’urgence (hébergement, transport, vêtements). Deux éducateurs assurent une veille des annonces en ligne en lien avec la brigade de protection des mineurs. Trois places de mise à l’abri sont réservées dans des lieux de vie situés hors du département. Un comité de pilotage réunit chaque trimestre le parquet des mineurs, la protection judiciaire de la jeunesse, l’agence régionale de santé et l’éducation nationale.',
      keysToSuccess:
        'Les professionnels rencontrés insistent sur la continuité du lien : l’éducateur référent reste le même quel que soit le lieu d’accueil, joignable y compris pendant les fugues, et ne conditionne pas son aide à l’arrêt immédiat de la prostitution. La souplesse horaire de l’équipe, présente en soirée et le week-end, est décisive. La co-construction avec le parquet permet d’articuler protection et poursuite des exploiteurs sans exposer le jeune. Enfin, la formation massive des professionnels, plus de 900 en trois ans, a diffusé un langage commun et multiplié les orientations précoces.',
      expectedResults:
        'Le dispositif vise une augmentation des situations repérées, notamment parmi les plus jeunes, une réduction de la durée et du nombre des fugues, l’accès effectif aux soins (santé sexuelle, psychotraumatisme, addictions) et une meilleure coopération avec la justice, mesurée par le nombre de plaintes déposées et accompagnées. À moyen terme, il doit contribuer à des parcours plus stables et à une insertion scolaire ou professionnelle. Les premiers bilans montrent une hausse nette des orientations et des sorties durables de la prostitution pour près d’un jeune sur deux accompagnés plus d’un an.',
      difficulties:
        'L’équipe se heurte au manque de places d’accueil adaptées, en particulier pour les jeunes filles très exposées qui refusent l’internat. Les fugues répétées mettent les équipes des lieux d’accueil en difficulté et peuvent conduire à des fins de prise en charge précipitées. La veille numérique pose des questions juridiques et déontologiques qui ont nécessité un cadre écrit avec le parquet. Le turn-over des professionnels de l’aide sociale à l’enfance oblige à renouveler sans cesse la formation. Enfin, la mesure des effets reste fragile faute d’outils partagés de suivi des parcours.',
      partners: [
        'Parquet des mineurs du tribunal judiciaire',
        'Protection judiciaire de la jeunesse',
        'Brigade de protection des mineurs',
        'Agence régionale de santé d’Île-de-France',
        'Éducation nationale, direction des services départementaux',
      ],
      coAuthors: [
        { name: 'Claire Vasseur', organisation: 'Observatoire national de la protection de l’enfance' },
        { name: 'Karim Belhadj', organisation: 'Association Vigie Ados' },
      ],
      scale: 'departementale',
      interventionTypes: ['diagnostic-situation', 'accueil-urgence', 'autre'],
      interventionTypeOther: 'Aller-vers physique et numérique',
      themes: ['violences-sexuelles', 'ciel-numerique'],
      audiences: ['adolescents'],
      relay: 'departement',
      location: { regions: [], departments: ['93'] },
      implementationDate: '2020-10-01',
      lastReviewedAt: '2024-01-22',
    },
  },
  {
    key: 'fiche-scolarite-enfants-proteges-13',
    publishedAt: '2024-09-10T09:00:00.000Z',
    fiche: {
      title: 'Un pôle ressource pour la scolarité des enfants protégés',
      entityName: 'Conseil départemental des Bouches-du-Rhône',
      summary:
        'Le pôle réunit une enseignante détachée, deux éducateurs et une psychologue scolaire au service des enfants confiés dont la scolarité est interrompue, fragile ou en rupture. Il appuie les référents de l’aide sociale à l’enfance, les lieux d’accueil et les établissements scolaires, et organise des retours rapides en classe. L’observatoire a suivi son activité pendant six mois.',
      objectives:
        'Le pôle cherche à garantir à chaque enfant protégé une scolarité continue et adaptée à ses besoins. Il vise à réduire le délai entre un changement de lieu d’accueil et la reprise effective des cours, à prévenir les exclusions et le décrochage, à faire reconnaître plus tôt les besoins éducatifs particuliers (troubles des apprentissages, handicap, allophonie) et à associer les parents à la scolarité lorsque c’est possible. Il veut aussi rapprocher deux cultures professionnelles, celle de l’école et celle de la protection de l’enfance, qui se connaissent mal.',
      means:
        'L’équipe s’appuie sur une convention entre le département et la direction académique, qui met à disposition une enseignante spécialisée à temps plein. Le pôle est saisi par les référents de l’aide sociale à l’enfance au moyen d’une fiche courte ; il répond sous cinq jours. Il peut proposer un bilan scolaire, une médiation avec l’établissement, un accompagnement à l’inscription ou un soutien pédagogique temporaire dans ses locaux, dans l’attente d’une affectation. Une base partagée recense les interlocuteurs de chaque établissement. Des formations croisées sont organisées deux fois par an pour les enseignants, les conseillers principaux d’éducation et les éducateurs.',
      keysToSuccess:
        'La présence d’une enseignante au sein de l’équipe est citée par tous comme décisive : elle connaît les règles d’affectation, parle le langage de l’école et est reconnue par les chefs d’établissement. La réactivité du pôle évite que les semaines sans école ne s’accumulent. La clarification des rôles, notamment sur les actes relevant de l’autorité parentale, a levé de nombreux blocages. Enfin, l’implication des enfants eux-mêmes dans le bilan scolaire, qui leur permet de dire ce qui a marché ou non, améliore l’adhésion au projet proposé.',
      expectedResults:
        'À court terme, le pôle doit réduire le nombre d’enfants confiés sans solution scolaire et la durée de ces périodes. À moyen terme, sont attendus une baisse des exclusions définitives, une meilleure orientation en fin de troisième et une hausse des diplômes obtenus. Le département suit chaque année des indicateurs simples : délais de rescolarisation, nombre de saisines, taux de maintien dans l’établissement un an après l’intervention. Sur la première année, le délai moyen de rescolarisation est passé de sept à deux semaines.',
      difficulties:
        'Le pôle ne peut pas créer de places là où les classes spécialisées sont saturées, et certaines orientations restent bloquées plusieurs mois. Les changements de lieu d’accueil décidés dans l’urgence continuent de provoquer des ruptures que le pôle ne fait que réparer. Le partage d’informations entre école et protection de l’enfance reste délicat : il faut concilier secret professionnel, droit de l’enfant à ne pas être stigmatisé et besoin des enseignants de comprendre sa situation. Enfin, l’activité du pôle dépend fortement de la convention avec l’éducation nationale, renouvelée chaque année.',
      partners: [
        'Direction des services départementaux de l’éducation nationale',
        'Maison départementale des personnes handicapées',
        'Associations gestionnaires de maisons d’enfants',
        'Centre d’information et d’orientation',
      ],
      coAuthors: [
        { name: 'Hélène Marchetti', organisation: 'Observatoire national de la protection de l’enfance' },
        { name: 'Pierre-Yves Caron', organisation: 'Conseil départemental des Bouches-du-Rhône' },
      ],
      scale: 'departementale',
      interventionTypes: ['ciel-ciel-ecole', 'diagnostic-situation'],
      themes: ['education'],
      audiences: ['4-12-ans', 'adolescents'],
      relay: 'departement',
      location: { regions: [], departments: ['13'] },
      implementationDate: '2021-09-01',
      lastReviewedAt: '2024-07-15',
    },
  },
  {
    key: 'fiche-visites-mediatisees-rennes',
    publishedAt: '2025-01-21T09:00:00.000Z',
    fiche: {
      title: 'Les visites médiatisées : un service dédié et un cadre commun de pratique',
      entityName: 'Association Liens et Rencontres Bretagne',
      summary:
        'Le service organise pour le compte de l’aide sociale à l’enfance les visites en présence d’un tiers ordonnées par le juge des enfants. Il a formalisé un cadre commun de pratique : préparation des visites, place du professionnel tiers, écrits partagés. La fiche s’appuie sur l’observation de visites et des entretiens avec des parents, des enfants et des magistrats.',
      objectives:
        'Le service veut faire des visites médiatisées un temps utile pour l’enfant et non une simple obligation à remplir. Il s’agit de maintenir ou de reconstruire le lien entre l’enfant et ses parents quand le juge estime qu’un tiers est nécessaire, de garantir la sécurité physique et psychique de l’enfant, d’observer l’évolution de la relation pour éclairer les décisions, et de préparer, lorsque c’est possible, un assouplissement progressif du cadre. Le cadre commun vise aussi à harmoniser les pratiques des professionnels, jusqu’alors très variables d’un service à l’autre.',
      means:
        'Le service dispose d’un lieu dédié en centre-ville, aménagé comme un appartement, avec trois salles de visite, une cuisine et un jardin, accessible en transports en commun. Huit professionnels formés à la médiation familiale et à l’observation du lien y interviennent, ouverts le mercredi, le samedi et deux soirs par semaine. Chaque situation commence par un entretien de préparation avec chaque parent et avec l’enfant. Un référentiel écrit précise le rôle du tiers, les motifs d’interruption d’une visite et la structure des comptes rendus, relus avec les parents avant transmission.',
      keysToSuccess:
        'La préparation individuelle des parents et de l’enfant réduit fortement les annulations et les tensions. La stabilité du professionnel tiers, qui suit une même famille sur la durée, permet une observation plus fine et rassure l’enfant. Le caractère chaleureux des lieux change la qualité des rencontres : on y prépare un goûter, on y joue, on y fête un anniversaire. La relecture des écrits avec les parents a modifié leur rapport au service, qu’ils perçoivent moins comme un contrôle. Les échanges réguliers avec les juges des enfants ont permis d’ajuster la fréquence et la durée des visites aux besoins des enfants.',
      expectedResults:
        'Le service attend une diminution des visites annulées ou écourtées, une meilleure qualité des écrits transmis au juge et des décisions d’évolution du cadre plus fréquentes et mieux fondées : passage à des visites libres, à un hébergement ponctuel ou, à l’inverse, suspension motivée. Du côté des enfants, sont attendus une baisse de l’anxiété avant et après les visites et une meilleure compréhension de leur situation. Les premiers indicateurs montrent un taux de visites réalisées passé de 68 % à 87 %.',
      difficulties:
        'La demande dépasse les capacités du service et les délais pour une première visite atteignent parfois deux mois, ce qui fragilise le lien au moment où il est le plus précieux. Les visites du week-end, les plus demandées, posent des difficultés d’organisation du temps de travail. Certaines situations de violences conjugales nécessitent des précautions lourdes (arrivées décalées, présence de deux professionnels). Enfin, les écrits restent un point sensible : il faut décrire sans juger, et les parents contestent parfois des observations qui pèseront dans les décisions du juge.',
      partners: [
        'Conseil départemental d’Ille-et-Vilaine, aide sociale à l’enfance',
        'Juges des enfants du tribunal judiciaire',
        'Caisse d’allocations familiales',
      ],
      coAuthors: [
        { name: 'Julie Le Bihan', organisation: 'Association Liens et Rencontres Bretagne' },
        { name: 'François Delmas', organisation: 'Observatoire national de la protection de l’enfance' },
      ],
      scale: 'locale',
      interventionTypes: ['autre'],
      interventionTypeOther: 'Visites en présence d’un tiers',
      themes: ['maintien-liens-parents-enfants', 'violences-conjugales'],
      audiences: ['0-4-ans', '4-12-ans', 'adolescents'],
      relay: 'association',
      location: { regions: [], departments: ['35'], locality: 'Rennes' },
      implementationDate: '2015-03-02',
      lastReviewedAt: '2024-12-02',
    },
  },
  {
    key: 'fiche-accueil-familial-therapeutique-42',
    publishedAt: '2025-04-29T09:00:00.000Z',
    fiche: {
      title: 'L’accueil familial thérapeutique pour les enfants confiés présentant des troubles psychiques',
      entityName: 'Centre hospitalier spécialisé de la Loire, service de pédopsychiatrie',
      summary:
        'Le service de pédopsychiatrie emploie des assistants familiaux thérapeutiques qui accueillent des enfants confiés à l’aide sociale à l’enfance et présentant des troubles psychiques sévères. L’accueil est intégré au projet de soins et soutenu par une équipe soignante. La fiche décrit le fonctionnement observé et les conditions de sa réussite.',
      objectives:
        'L’accueil familial thérapeutique vise à offrir à des enfants dont les troubles mettent en échec les accueils classiques un cadre familial contenant, pensé comme un lieu de soin à part entière. Il doit éviter les hospitalisations longues et les ruptures répétées de placement, permettre à l’enfant de nouer une relation d’attachement sécurisante avec un adulte stable et accompagner, à terme, un retour vers un accueil ordinaire ou vers sa famille. Il s’agit aussi de décloisonner soin et protection de l’enfance autour d’un projet unique.',
      means:
        'Douze assistants familiaux salariés de l’hôpital, agréés et spécialement formés, accueillent chacun un ou deux enfants. Une équipe composée d’un pédopsychiatre, de deux infirmiers, d’une psychologue et d’une assistante sociale les rencontre chaque semaine à domicile ou au service. Les enfants bénéficient d’un hôpital de jour ou de consultations régulières. Une convention avec le département fixe la répartition des rôles : l’aide sociale à l’enfance garde le suivi éducatif et les liens avec la famille, l’hôpital porte le soin. Des accueils de relais permettent aux familles thérapeutiques de souffler.',
      keysToSuccess:
        'Le soutien étroit et régulier des assistants familiaux est la condition première : ils savent à qui s’adresser à toute heure et ne restent jamais seuls face à une crise. La clarté de la convention entre l’hôpital et le département évite les conflits de légitimité. La stabilité des équipes soignantes permet une vraie continuité. Les synthèses communes, associant les parents lorsque c’est possible, donnent de la cohérence au parcours de l’enfant. Enfin, la reconnaissance du statut et de la rémunération des assistants familiaux thérapeutiques contribue à leur fidélisation.',
      expectedResults:
        'Les résultats attendus sont une diminution des hospitalisations à temps complet et des passages aux urgences, une baisse des ruptures d’accueil, une amélioration des symptômes et du fonctionnement de l’enfant à l’école et dans les relations, mesurée par des échelles standardisées à l’entrée et chaque année. Sur les cinq dernières années, la durée moyenne d’accueil est de trois ans et demi, et deux tiers des enfants ont pu ensuite rejoindre un accueil familial ordinaire ou leur famille.',
      difficulties:
        'Le recrutement d’assistants familiaux thérapeutiques est difficile : la charge émotionnelle est lourde et la rémunération reste proche de celle d’un accueil classique. Les places sont trop peu nombreuses au regard des besoins et les délais d’admission longs. La coordination entre deux institutions aux logiques différentes demande un effort constant, notamment lorsque les décisions judiciaires modifient les droits de visite. Enfin, la sortie du dispositif est délicate à préparer : l’enfant doit quitter une famille à laquelle il s’est attaché, ce qui suppose un passage progressif.',
      partners: [
        'Conseil départemental de la Loire, aide sociale à l’enfance',
        'Agence régionale de santé Auvergne-Rhône-Alpes',
        'Maison départementale des personnes handicapées de la Loire',
      ],
      coAuthors: [{ name: 'Docteur Anne Ferrand', organisation: 'Centre hospitalier spécialisé de la Loire' }],
      scale: 'departementale',
      interventionTypes: ['placement-familial', 'autre'],
      interventionTypeOther: 'Accueil familial thérapeutique',
      themes: ['sante-mentale'],
      audiences: ['enfants-situation-multiple', '4-12-ans'],
      relay: 'autre',
      relayOther: 'Établissement public de santé mentale',
      location: { regions: [], departments: ['42'] },
      implementationDate: '2008-01-07',
      lastReviewedAt: '2025-03-10',
    },
  },
  {
    key: 'fiche-equipe-mobile-pedopsy-ase-38',
    publishedAt: '2025-10-14T09:00:00.000Z',
    featured: {
      motivation:
        'Efficacité : l’équipe mobile a réduit les hospitalisations en urgence des enfants confiés et stabilisé des accueils. Originalité : elle se déplace sur les lieux de vie plutôt que d’attendre les enfants en consultation.',
    },
    fiche: {
      title: 'Une équipe mobile de pédopsychiatrie au service des lieux d’accueil de l’ASE',
      entityName: 'Centre hospitalier spécialisé de l’Isère, pôle de psychiatrie de l’enfant et de l’adolescent',
      summary:
        'Une équipe mobile de pédopsychiatrie intervient dans les maisons d’enfants, chez les assistants familiaux et dans les lieux de vie de l’Isère pour évaluer des enfants en crise, soutenir les équipes éducatives et faciliter l’accès aux soins. Elle est financée conjointement par l’agence régionale de santé et le département. L’observatoire a accompagné l’équipe pendant plusieurs interventions.',
      objectives:
        'L’équipe mobile cherche à répondre rapidement aux situations de souffrance psychique des enfants confiés, qui arrivent souvent aux urgences faute d’interlocuteur en amont. Elle vise à éviter les hospitalisations évitables et les exclusions des lieux d’accueil, à améliorer la compréhension des troubles par les éducateurs et les assistants familiaux, et à construire avec les centres médico-psychologiques un relais de soins durable. Elle veut aussi diffuser une culture commune de la santé mentale dans la protection de l’enfance.',
      means:
        'L’équipe se compose d’un pédopsychiatre à mi-temps, de trois infirmiers, d’une psychologue et d’une éducatrice spécialisée. Elle est joignable en semaine par les cadres des lieux d’accueil et de l’aide sociale à l’enfance via une ligne unique, et s’engage à intervenir sous quarante-huit heures pour une situation aiguë. Elle réalise des évaluations sur place, des réunions cliniques avec les équipes, des entretiens avec l’enfant et sa famille, et oriente vers les soins adaptés. Elle anime des formations sur le psychotraumatisme, les troubles de l’attachement et la gestion des crises.',
      keysToSuccess:
        'Le fait d’aller sur les lieux de vie est le principal levier : l’équipe voit l’enfant dans son quotidien et comprend les contraintes des éducateurs. La réactivité est essentielle pour désamorcer une crise avant qu’elle ne conduise à une rupture. La double culture de l’équipe, soignante et éducative, facilite le dialogue. La reconnaissance mutuelle entre l’hôpital et le département, formalisée dans une convention et un comité de suivi semestriel, sécurise le dispositif. Enfin, l’équipe prend soin de ne pas se substituer aux centres médico-psychologiques mais de préparer les relais.',
      expectedResults:
        'Le dispositif doit faire baisser le nombre de passages aux urgences pédiatriques et d’hospitalisations d’enfants confiés, réduire les fins de prise en charge décidées à la suite d’une crise, raccourcir le délai d’accès aux soins et améliorer le sentiment de compétence des équipes éducatives, mesuré par questionnaire. Après deux ans, les hospitalisations en urgence des enfants suivis ont diminué d’un tiers et les équipes déclarent se sentir mieux outillées.',
      difficulties:
        'La demande excède largement les capacités de l’équipe, qui a dû définir des critères de priorité. Le relais vers les centres médico-psychologiques reste difficile en raison de leurs délais d’attente. Les temps de déplacement dans un département montagneux pèsent sur l’activité. Les attentes des lieux d’accueil sont parfois très fortes, certains espérant une solution immédiate à des situations complexes. Enfin, le financement repose sur des crédits reconduits d’année en année, ce qui fragilise le recrutement de soignants.',
      partners: [
        'Conseil départemental de l’Isère, aide sociale à l’enfance',
        'Agence régionale de santé Auvergne-Rhône-Alpes',
        'Centres médico-psychologiques infanto-juvéniles',
        'Associations gestionnaires de maisons d’enfants à caractère social',
      ],
      coAuthors: [
        { name: 'Docteur Marc Revol', organisation: 'Centre hospitalier spécialisé de l’Isère' },
        { name: 'Sylvie Charrier', organisation: 'Observatoire national de la protection de l’enfance' },
      ],
      scale: 'departementale',
      interventionTypes: ['diagnostic-situation', 'bsi', 'placement-etablissement'],
      themes: ['sante-mentale', 'organisation-interne'],
      audiences: ['enfants', 'adolescents', 'enfants-situation-multiple'],
      relay: 'autre',
      relayOther: 'Centre hospitalier et agence régionale de santé',
      location: { regions: [], departments: ['38'] },
      implementationDate: '2019-11-04',
      lastReviewedAt: '2025-09-01',
    },
  },
  {
    key: 'fiche-parrainage-proximite-idf',
    publishedAt: '2026-01-27T09:00:00.000Z',
    fiche: {
      title: 'Le parrainage de proximité pour les enfants accompagnés par la protection de l’enfance',
      entityName: 'Union des associations de parrainage d’Île-de-France',
      summary:
        'Des associations franciliennes de parrainage mettent en relation des enfants accompagnés par l’aide sociale à l’enfance avec des bénévoles qui partagent avec eux des temps réguliers. La fiche décrit la démarche commune adoptée par ces associations, de la sélection des parrains au suivi des liens, à partir d’entretiens avec des coordinateurs, des parrains, des parents et des jeunes.',
      objectives:
        'Le parrainage de proximité vise à offrir à l’enfant une relation affective durable avec un adulte extérieur à l’institution et à sa famille, qui ne se substitue ni à ses parents ni aux professionnels. Il doit élargir son réseau de relations, lui ouvrir d’autres horizons culturels et sociaux, et lui donner des repères qui survivront aux changements de lieu d’accueil et à la majorité. Pour les parents, il peut constituer un soutien accepté plus facilement qu’une mesure. Pour les services, il représente une ressource complémentaire au moment de la sortie du dispositif.',
      means:
        'Chaque association emploie au moins un coordinateur salarié pour trente parrainages. Les candidats parrains sont rencontrés à deux reprises, dont une fois à domicile, et suivent une formation de deux jours sur les besoins des enfants protégés, la place des parents et les limites du rôle. Une convention tripartite est signée entre le parrain, les parents ou le service gardien et l’association. Le rythme des rencontres est fixé ensemble ; un bilan est réalisé à trois mois puis tous les six mois. Des groupes d’échange entre parrains sont proposés chaque trimestre.',
      keysToSuccess:
        'L’adhésion des parents est déterminante : lorsqu’ils voient le parrain comme un allié et non comme un rival, le parrainage s’installe dans la durée. La sélection attentive et la formation des parrains réduisent les arrêts précoces. Le coordinateur joue un rôle de tiers indispensable, notamment lors des changements de lieu d’accueil. L’appui des services départementaux, qui identifient les enfants et facilitent les autorisations, conditionne le développement. Enfin, la liberté laissée aux binômes dans le choix de leurs activités fait la différence avec une relation institutionnelle.',
      expectedResults:
        'Les associations attendent des liens durables, avec une part importante de parrainages se poursuivant au-delà de trois ans et après la majorité, une amélioration du bien-être et de l’estime de soi des enfants, et, pour les jeunes majeurs, un appui concret au moment de l’autonomie (logement, emploi, démarches). Le suivi de cohortes engagé avec une université doit permettre de mesurer ces effets ; les premiers résultats montrent que six parrainages sur dix durent plus de trois ans.',
      difficulties:
        'Le nombre de candidats parrains reste inférieur aux besoins, en particulier pour les adolescents et les fratries. Les délais d’autorisation par les services gardiens sont parfois longs et découragent les bénévoles. Certains parrainages s’interrompent brutalement lors d’un changement de placement éloigné. La place du parrain peut susciter des tensions avec les assistants familiaux. Enfin, le financement des coordinateurs, souvent assuré par des appels à projets annuels, reste précaire.',
      partners: [
        'Ville de Paris, aide sociale à l’enfance',
        'Conseil départemental des Hauts-de-Seine',
        'Conseil départemental de la Seine-Saint-Denis',
        'Caisse d’allocations familiales',
        'Fondations d’entreprise',
      ],
      coAuthors: [
        { name: 'Bérénice Lacroix', organisation: 'Union des associations de parrainage d’Île-de-France' },
        { name: 'Éric Tessier', organisation: 'Observatoire national de la protection de l’enfance' },
      ],
      scale: 'regionale',
      interventionTypes: ['accueil-par-tiers'],
      themes: ['autre', 'maintien-liens-parents-enfants'],
      themeOther: 'Parrainage de proximité',
      audiences: ['enfants', 'jeunes-majeurs'],
      relay: 'association',
      location: { regions: ['11'], departments: ['75', '92', '93'] },
      implementationDate: '2010-09-01',
      lastReviewedAt: '2025-11-17',
    },
  },
  {
    key: 'fiche-uaped',
    publishedAt: '2026-06-09T09:00:00.000Z',
    fiche: {
      title: 'Les unités d’accueil pédiatriques enfants en danger : recueillir la parole de l’enfant à l’hôpital',
      entityName: 'Centres hospitaliers dotés d’une unité d’accueil pédiatrique enfants en danger',
      summary:
        'Installées dans des services de pédiatrie, les unités d’accueil pédiatriques enfants en danger permettent d’auditionner l’enfant victime dans un lieu adapté, en présence de soignants, et de réaliser en un même temps les examens médico-légaux et l’évaluation de ses besoins de soins. La fiche décrit le fonctionnement type observé dans plusieurs unités.',
      objectives:
        'Les unités visent à éviter à l’enfant victime de violences, notamment sexuelles, des auditions répétées dans des lieux inadaptés, à garantir la qualité de son témoignage pour la procédure judiciaire, et à lui offrir d’emblée une prise en charge médicale et psychologique. Elles cherchent à coordonner dans un même lieu les enquêteurs, les médecins, les psychologues et les services de protection de l’enfance, et à informer l’enfant et ses proches sur la suite de la procédure et les soins possibles.',
      means:
        'Chaque unité dispose d’une salle d’audition aménagée pour les enfants et équipée d’un enregistrement audiovisuel, d’une salle d’attente pour les familles et d’un bureau médical. Elle mobilise un pédiatre référent, un psychologue, une infirmière et une assistante sociale, ainsi qu’un temps de coordination. Un protocole signé par l’hôpital, le parquet, la police, la gendarmerie et le département fixe les modalités de saisine et de partage de l’information. Les enquêteurs sont formés à l’audition des mineurs selon un protocole d’entretien structuré.',
      keysToSuccess:
        'La signature d’un protocole clair entre l’hôpital, la justice et le département conditionne le bon fonctionnement. La disponibilité de l’équipe, y compris hors des heures ouvrables pour les situations urgentes, et la formation commune des enquêteurs et des soignants sont essentielles. L’accueil de l’enfant par un soignant avant l’audition, pour lui expliquer ce qui va se passer, réduit son anxiété. Le retour d’information vers le service de protection de l’enfance permet d’articuler procédure pénale et mesures de protection.',
      expectedResults:
        'Sont attendus une réduction du nombre d’auditions par enfant, une amélioration de la qualité des enregistrements utilisés dans les procédures, un accès systématique à une évaluation médicale et psychologique et une orientation vers des soins adaptés, ainsi qu’une meilleure coordination avec la cellule de recueil des informations préoccupantes. Les équipes relèvent également une meilleure compréhension de la procédure par les familles.',
      difficulties:
        'Le déploiement reste inégal selon les territoires, et certaines unités manquent de moyens pour assurer une présence en dehors des heures ouvrables. La disponibilité des enquêteurs formés varie fortement. Le suivi psychologique après l’audition dépend de l’offre locale de soins, souvent saturée. Enfin, le partage d’informations entre l’hôpital et les services de protection de l’enfance doit respecter le secret de l’enquête, ce qui limite parfois le retour vers les équipes éducatives.',
      partners: [
        'Parquets des tribunaux judiciaires',
        'Police et gendarmerie nationales',
        'Conseils départementaux, cellules de recueil des informations préoccupantes',
        'Associations d’aide aux victimes',
      ],
      coAuthors: [
        { name: 'Docteur Lise Andrieu', organisation: 'Service de pédiatrie, centre hospitalier' },
        { name: 'Mathilde Rey', organisation: 'Observatoire national de la protection de l’enfance' },
      ],
      scale: 'nationale',
      interventionTypes: ['diagnostic-situation', 'bsi'],
      themes: ['violences-sexuelles', 'sante-mentale'],
      audiences: ['enfants', '0-4-ans', '4-12-ans'],
      relay: 'autre',
      relayOther: 'Centres hospitaliers',
      location: { regions: [], departments: [] },
      implementationDate: '2021-01-04',
      lastReviewedAt: '2026-05-11',
    },
  },
  {
    key: 'fiche-relais-parental-soiree',
    publishedAt: '2025-10-06T09:00:00.000Z',
    basedOn: ['ex-relais-parental-finistere'],
    fiche: {
      title: 'Le relais parental en soirée : des techniciennes de l’intervention sociale et familiale au moment du coucher',
      entityName: 'Association Familles en Relais Finistère',
      summary:
        'Écrite à partir de la pratique déclarée par l’association, après deux journées d’immersion et des entretiens avec les intervenantes, les travailleurs sociaux de secteur et des parents, la fiche décrit une intervention à domicile en fin de journée, quand l’heure des devoirs, du bain et du coucher tourne au conflit, et ce qu’il faut réunir pour la transposer.',
      objectives:
        'L’intervention cherche à apaiser les fins de journée dans des familles épuisées, à redonner aux parents confiance dans leur capacité à poser un cadre, et à éviter des placements décidés dans l’urgence après une crise du soir. Elle vise aussi à repérer plus tôt les situations où la fatigue parentale masque un besoin de soin ou de soutien plus durable.',
      means:
        'Six techniciennes de l’intervention sociale et familiale à temps partiel, un temps de coordination, des véhicules de service et une astreinte téléphonique jusqu’à 21 heures. Chaque intervention dure huit à douze semaines, à raison de deux ou trois soirées par semaine. Un budget de répit permet d’organiser un week-end d’accueil de l’enfant chez un proche. Le financement associe le département et la caisse d’allocations familiales.',
      keysToSuccess:
        'L’intervention est décidée avec la famille, jamais imposée ; les parents choisissent les soirées. Les intervenantes partagent les gestes du quotidien plutôt que de les commenter, puis se retirent progressivement. Un point tous les quinze jours avec le travailleur social de secteur évite que la famille ait plusieurs discours face à elle. La régularité des mêmes intervenantes compte plus que la durée totale.',
      expectedResults:
        'Sont attendus des soirées plus calmes selon les parents eux-mêmes, la diminution des appels en urgence et des demandes de placement après une crise, et la mise en place d’un relais durable dans l’entourage. Le suivi à six mois, mené par l’association, montre que la plupart des familles ont gardé les routines travaillées ensemble.',
      difficulties:
        'Le recrutement de techniciennes prêtes à travailler en soirée est difficile, surtout en zone rurale où les trajets sont longs. Les familles les plus isolées n’ont personne pour le week-end de répit. La fin de l’intervention doit être préparée tôt pour ne pas être vécue comme un abandon.',
      partners: ['Conseil départemental du Finistère', 'Caisse d’allocations familiales du Finistère', 'Centres médico-psychologiques infanto-juvéniles'],
      coAuthors: [
        { name: 'Maëlle Kerouédan', organisation: 'Association Familles en Relais Finistère' },
        { name: 'Hugo Vernet', organisation: 'Observatoire national de la protection de l’enfance' },
      ],
      scale: 'departementale',
      interventionTypes: ['accueil-temporaire-domicile', 'ibd'],
      themes: ['education', 'maintien-liens-parents-enfants'],
      audiences: ['0-4-ans', '4-12-ans'],
      relay: 'association',
      location: { regions: [], departments: ['29'] },
      implementationDate: '2018-04-09',
      lastReviewedAt: '2025-10-01',
    },
  },
  {
    key: 'fiche-tiers-digne-de-confiance',
    publishedAt: '2024-12-20T09:00:00.000Z',
    fiche: {
      title: 'Accompagner l’accueil par un tiers digne de confiance : un service dédié aux proches qui accueillent',
      entityName: 'Conseils départementaux et services d’accompagnement des tiers',
      summary:
        'Quand un enfant confié est accueilli par une grand-mère, un oncle ou un ami de la famille, ce tiers se retrouve souvent seul. La fiche décrit les services observés dans trois départements qui accompagnent ces accueillants : évaluation préalable, soutien éducatif, aide administrative et financière, groupes d’échange.',
      objectives:
        'Le service vise à rendre possible l’accueil par un proche chaque fois qu’il sert l’enfant, à sécuriser cet accueil dans la durée, et à préserver les liens de l’enfant avec ses parents sans faire porter au tiers des conflits familiaux qui le dépassent.',
      means:
        'Une équipe de deux travailleurs sociaux pour une cinquantaine d’accueils, un psychologue à mi-temps, un guide remis au tiers, une allocation d’entretien versée sans délai et une ligne téléphonique dédiée. Les groupes d’échange entre tiers ont lieu chaque mois.',
      keysToSuccess:
        'Une évaluation du lieu d’accueil faite avec le tiers, et non sur lui ; un interlocuteur unique ; le versement rapide des aides, dont l’absence met très vite l’accueil en péril ; une attention particulière aux grands-parents âgés et à leur propre santé.',
      expectedResults:
        'Plus d’enfants accueillis par leurs proches lorsque c’est leur intérêt, moins de ruptures d’accueil, et des tiers qui se disent soutenus. Les départements observent aussi des durées de placement en établissement plus courtes pour les fratries.',
      difficulties:
        'Les tiers hésitent à dire leurs difficultés de peur qu’on leur retire l’enfant. Les relations avec les parents sont parfois très tendues. Le cadre juridique des décisions du quotidien reste mal connu des écoles et des soignants.',
      partners: ['Juges des enfants', 'Caisses d’allocations familiales', 'Associations de grands-parents'],
      coAuthors: [{ name: 'Inès Fabre', organisation: 'Observatoire national de la protection de l’enfance' }],
      scale: 'nationale',
      interventionTypes: ['accueil-par-tiers'],
      themes: ['maintien-liens-parents-enfants', 'organisation-interne'],
      audiences: ['enfants'],
      relay: 'departement',
      location: { regions: [], departments: [] },
      implementationDate: '2019-09-01',
      lastReviewedAt: '2024-12-16',
    },
  },
  {
    key: 'fiche-cyberharcelement-college',
    publishedAt: '2025-01-14T09:00:00.000Z',
    fiche: {
      title: 'Prévenir le cyberharcèlement au collège avec les enfants protégés et leurs éducateurs',
      entityName: 'Réseau régional des maisons d’enfants à caractère social des Pays de la Loire',
      summary:
        'Des ateliers menés dans les collèges et les maisons d’enfants apprennent aux adolescents, y compris ceux que l’aide sociale à l’enfance accompagne, à reconnaître le cyberharcèlement, à réagir et à demander de l’aide, et forment les éducateurs aux réseaux sociaux que les jeunes utilisent.',
      objectives:
        'Réduire l’exposition des adolescents protégés, plus isolés et plus ciblés, au cyberharcèlement ; donner aux éducateurs des internats les moyens d’en parler sans interdire le téléphone ; articuler les établissements scolaires et les lieux d’accueil quand une situation est repérée.',
      means:
        'Un binôme d’animateurs formés, des séances de deux heures en classe et en maison d’enfants, un protocole de signalement commun avec les collèges, et une demi-journée de formation annuelle pour chaque équipe éducative.',
      keysToSuccess:
        'Des ateliers construits avec des jeunes accueillis, qui en connaissent les usages ; des réponses concrètes (capturer, signaler, bloquer, en parler) plutôt que des mises en garde ; la présence d’un éducateur connu des jeunes pendant les séances.',
      expectedResults:
        'Plus de situations signalées tôt par les jeunes eux-mêmes, des éducateurs plus à l’aise pour en parler, et des réponses coordonnées entre collège et lieu d’accueil.',
      difficulties:
        'Les usages changent vite et les contenus doivent être repris chaque année. Certains établissements scolaires ne savent pas qu’un élève est confié et ne font pas le lien avec son éducateur.',
      partners: ['Rectorat de l’académie de Nantes', 'Association e-Enfance', 'Maisons d’enfants à caractère social de la région'],
      coAuthors: [{ name: 'Yanis Chevalier', organisation: 'Réseau régional des maisons d’enfants' }],
      scale: 'regionale',
      interventionTypes: ['placement-etablissement'],
      themes: ['harcelement', 'ciel-numerique'],
      audiences: ['adolescents'],
      relay: 'association',
      location: { regions: ['52'], departments: [] },
      implementationDate: '2021-09-06',
      lastReviewedAt: '2025-01-10',
    },
  },
  {
    key: 'fiche-sortie-jeunes-majeurs-logement',
    publishedAt: '2025-05-12T09:00:00.000Z',
    featured: {
      motivation:
        'Efficacité : le dispositif réduit nettement les sorties sans solution à 18 ans, l’une des priorités de la protection de l’enfance, et ses conditions de réussite sont décrites avec précision.',
    },
    fiche: {
      title: 'Préparer la sortie à 18 ans : un parcours logement engagé dès 16 ans',
      entityName: 'Conseil départemental et bailleurs sociaux associés',
      summary:
        'Pour éviter les sorties sèches, le département engage dès 16 ans un parcours vers le logement : bilan des ressources, apprentissage de la vie autonome en appartement partagé, réservation de logements auprès des bailleurs sociaux et garantie de loyer jusqu’à 21 ans.',
      objectives:
        'Qu’aucun jeune confié ne quitte l’aide sociale à l’enfance sans solution de logement, que chacun ait ouvert ses droits avant 18 ans, et que le logement trouvé soit durable plutôt qu’une suite d’hébergements.',
      means:
        'Des référents autonomie dans chaque territoire, vingt places en appartements partagés, une convention de réservation avec trois bailleurs sociaux, un fonds de garantie de loyer et un entretien systématique à 17 ans.',
      keysToSuccess:
        'Commencer tôt, bien avant la majorité ; associer le jeune à chaque étape ; garantir les loyers pour rassurer les bailleurs ; garder un contact après la sortie, sans condition.',
      expectedResults:
        'La part de jeunes sortant sans solution doit baisser nettement, les droits (santé, ressources) être ouverts avant 18 ans, et les premiers baux se maintenir dans la durée.',
      difficulties:
        'Les logements de petite taille manquent dans les villes les plus tendues. Les jeunes en rupture avec l’institution refusent parfois l’accompagnement, qu’il faut alors pouvoir reprendre plus tard.',
      partners: ['Bailleurs sociaux', 'Missions locales', 'Caisse primaire d’assurance maladie', 'Action Logement'],
      coAuthors: [
        { name: 'Sarah Benali', organisation: 'Observatoire national de la protection de l’enfance' },
        { name: 'Thomas Morin', organisation: 'Service autonomie, conseil départemental' },
      ],
      scale: 'departementale',
      interventionTypes: ['autre'],
      interventionTypeOther: 'Accompagnement vers le logement',
      themes: ['organisation-interne'],
      audiences: ['jeunes-majeurs', 'adolescents'],
      relay: 'departement',
      location: { regions: [], departments: ['76'] },
      implementationDate: '2020-01-06',
      lastReviewedAt: '2025-05-05',
    },
  },
];
