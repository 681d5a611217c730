// Registers every element of the package; safe to import twice.
import { defineDeclarationForm } from './declaration-form/define.js';

defineDeclarationForm();
