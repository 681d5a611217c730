// typedoc: leave out of the API reference what an element inherits from Lit (its styles, its update cycle): the
// reference documents this package; Lit documents Lit. Lit's own comments also link to symbols this reference lacks.
import { Converter, ReflectionKind } from 'typedoc';

const LIT = /^(LitElement|ReactiveElement|HTMLElement|Element|Node|EventTarget)\b/;

export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    for (const cls of project.getReflectionsByKind(ReflectionKind.Class)) {
      for (const member of [...(cls.children ?? [])]) {
        const from = member.inheritedFrom ?? member.overwrites;
        const external = from && !from.reflection && LIT.test(from.name ?? '');
        // Overrides of Lit's lifecycle (render, updated…) and its static styles are not this package's API.
        const lifecycle = member.overwrites && (member.kindOf(ReflectionKind.Method) || (member.flags.isStatic && member.name === 'styles'));
        if (external && (member.inheritedFrom || lifecycle)) project.removeReflection(member);
      }
    }
  });
}
