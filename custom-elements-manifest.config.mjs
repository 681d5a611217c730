// The Custom Elements Manifest (custom-elements.json), read from the elements' JSDoc. Every widgets/*/ folder is
// scanned, so a new element is picked up without being listed here; its class needs `@tagname`.

/**
 * The analyzer records `this.dispatchEvent(new StepChangeEvent(…))` under a guessed name and `@fires pi-step-change`
 * under the real one: merge the two through each event class's `static eventName`, so every event has its name, its
 * class and its description once. An event dispatched but not documented keeps no description (the manifest test
 * catches it).
 */
function eventNames() {
  return {
    name: 'pi-event-names',
    packageLinkPhase({ customElementsManifest }) {
      const names = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          const field = d.kind === 'class' ? d.members?.find((m) => m.static && m.name === 'eventName') : undefined;
          if (field?.default) names.set(d.name, field.default.replace(/^['"`]|['"`]$/g, ''));
        }
      }
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement || !d.events) continue;
          const merged = new Map();
          for (const e of d.events) {
            const name = (e.type && names.get(e.type.text)) ?? e.name;
            const seen = merged.get(name) ?? { name };
            if (e.description) seen.description = e.description;
            if (e.type && names.has(e.type.text)) seen.type = e.type;
            merged.set(name, seen);
          }
          for (const e of merged.values()) {
            // `@fires pi-x - \`PiXEvent\`: …` names the class for events dispatched outside the class (the follow-up page).
            const cls = !e.type && /^`(\w+Event)`/.exec(e.description ?? '')?.[1];
            if (cls && names.get(cls) === e.name) e.type = { text: cls };
          }
          d.events = [...merged.values()];
        }
      }
    },
  };
}

export default {
  globs: ['widgets/*.ts', 'widgets/*/*.ts'],
  exclude: ['widgets/**/*.styles.ts', 'widgets/**/*strings.ts', 'widgets/**/*.generated.ts', 'widgets/bundles/**'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [eventNames()],
};
