// A person filling <pi-declaration-form> with Playwright, step by step up to the summary (not sent).
import type { Locator } from 'playwright-core';

export interface FormAnswers {
  entityName: string;
  title: string;
  description: string;
  representative: string;
  declarantName: string;
  declarantEmail: string;
}

/** Fills the four steps with `answers` (a departmental practice in the Nord) and stops on the summary. */
export async function fillDeclarationForm(form: Locator, answers: FormAnswers): Promise<void> {
  const next = () => form.locator('button[type=submit]').click();
  await form.locator('#f-conditionsAccepted').check();
  await next();
  await form.locator('#f-implementationDate').fill('03/09/2019');
  await form.locator('#f-entityName').fill(answers.entityName);
  await form.locator('#f-title').fill(answers.title);
  await form.locator('#f-description').fill(answers.description);
  await form.locator('#f-scale-departementale').check();
  await form.locator('#f-interventionTypes-accueil-de-jour').check();
  await form.locator('#f-themes-education').check();
  await form.locator('#f-audiences-0-4-ans').check();
  await form.locator('#f-relay-association').check();
  await next();
  await form.locator('#f-location-departments-search').fill('nord');
  await form.locator('#f-location-departments-59').check();
  await next();
  await form.locator('#f-departmentAgreement-obtained').check();
  await form.locator('#f-departmentAgreement-representative').fill(answers.representative);
  await form.locator('#f-declarant-name').fill(answers.declarantName);
  await form.locator('#f-declarant-email').fill(answers.declarantEmail);
  await form.locator('#f-declarant-accuracyCertified').check();
  await next();
}
