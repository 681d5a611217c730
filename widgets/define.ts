// Registers every element of the package; safe to import twice.
import { defineDeclarationForm } from './declaration-form/define.js';
import { definePracticeLibrary } from './practice-library/define.js';
import { defineReviewBoard } from './review-board/define.js';
import { defineFicheEditor } from './fiche-editor/define.js';

defineDeclarationForm();
definePracticeLibrary();
defineReviewBoard();
defineFicheEditor();
