// The elements in React with typed props and events: @lit/react wraps each class, so `store`, `draftKey` and the
// `onSubmitted` / `onPracticeOpen` handlers are checked by TypeScript against the element and its event classes.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { useMemo, useState } from 'react';
import type { PublicPractice } from 'pratiques-inspirantes';
import { createExampleStore } from 'pratiques-inspirantes/examples';
import {
  defineDeclarationForm, definePracticeLibrary, PiDeclarationForm, PiPracticeLibrary,
  type PracticeOpenEvent, type PracticeSubmittedEvent,
} from 'pratiques-inspirantes/widgets';

// Registered from the same classes the wrappers use (pratiques-inspirantes/widgets/define would register its own copy).
defineDeclarationForm();
definePracticeLibrary();

const DeclarationForm = createComponent({
  tagName: 'pi-declaration-form',
  elementClass: PiDeclarationForm,
  react: React,
  events: { onSubmitted: 'pi-submitted' as EventName<PracticeSubmittedEvent> },
});

const PracticeLibrary = createComponent({
  tagName: 'pi-practice-library',
  elementClass: PiPracticeLibrary,
  react: React,
  events: { onPracticeOpen: 'pi-practice-open' as EventName<PracticeOpenEvent> },
});

export function App() {
  // The example practices in memory; a real site passes `endpoint="https://…/api"` instead.
  const store = useMemo(() => createExampleStore(), []);
  const [opened, setOpened] = useState<PublicPractice>();
  const [submitted, setSubmitted] = useState<string>();
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '64rem', margin: '0 auto', padding: '1rem' }}>
      <h1>Pratiques inspirantes dans une application React</h1>
      <p role="status" className="opened">
        {opened ? `Fiche ouverte : ${opened.reference} — ${(opened.declaration ?? opened.fiche)?.title}` : 'Aucune fiche ouverte.'}
      </p>
      <PracticeLibrary store={store} onPracticeOpen={(e) => setOpened(e.detail.practice)} />
      <h2>Déclarer une pratique</h2>
      {submitted && <p role="status">Déclaration reçue : {submitted}</p>}
      <DeclarationForm store={store} draftKey="exemple-react" onSubmitted={(e) => setSubmitted(e.detail.practice.reference)} />
    </main>
  );
}
