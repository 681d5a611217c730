/**
 * The element classes, registering nothing: `import { PiDeclarationForm } from 'pratiques-inspirantes/widgets'`.
 * To register them all, import `pratiques-inspirantes/widgets/define`.
 *
 * @packageDocumentation
 */
export { PiDeclarationForm, type DeclarationDraft } from './declaration-form/declaration-form.js';
export { defineDeclarationForm } from './declaration-form/define.js';
export { PiPracticeLibrary } from './practice-library/practice-library.js';
export { definePracticeLibrary } from './practice-library/define.js';
export { PiReviewBoard, type QueueKey } from './review-board/review-board.js';
export { defineReviewBoard } from './review-board/define.js';
export { PiFicheEditor, type FicheFormValues } from './fiche-editor/fiche-editor.js';
export { defineFicheEditor } from './fiche-editor/define.js';
export { StepChangeEvent, PracticeSubmittedEvent, SubmitErrorEvent, PracticeOpenEvent } from './events.js';
export { ReviewActionEvent, type ReviewActionDetail } from './events.js';
export { DeclarantActionEvent, DeclarantActionErrorEvent, type DeclarantAction } from './events.js';
export { FicheSavedEvent, FicheErrorEvent, CoauthorInvitedEvent, type FicheSavedKind } from './events.js';
