// The review board at 1280 and 375 px into docs/images/ (after `npm run build`): a queue, a practice, what complements changed, an action, the campaigns.
import { startScreenshots } from './screenshot-setup.mjs';

const { base, browser, close } = await startScreenshots();

try {
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    const board = page.locator('pi-review-board');
    await page.goto(`${base}/examples/review.html?role=presidence`);
    await board.locator('button[data-queue=inReview]').click();
    await board.locator('.item').first().waitFor();
    await page.waitForTimeout(300); // the buttons' colour transition
    await page.screenshot({ path: `docs/images/review-1-queue-${width}.png` });
    // The practice whose declarant answered a request for complements: its head, then the side-by-side changes.
    await board.locator('.item h3 button', { hasText: 'version complétée' }).click();
    await board.locator('.changes table').waitFor();
    await board.locator('.back').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/images/review-2-practice-${width}.png` });
    await board.locator('.changes').screenshot({ path: `docs/images/review-3-changes-${width}.png` });
    // The chair cannot accept yet (the domain's reason is shown) and writes a request for complements.
    await board.locator('#action-REQUEST_COMPLEMENTS').click();
    await board.locator('#f-comment').fill('Précisez le budget annuel et le nombre de professionnels.');
    await page.waitForTimeout(300);
    await board.locator('.actions').screenshot({ path: `docs/images/review-4-action-${width}.png` });
    await page.close();
  }
  // The campaigns' view, as the editor sees it (counts, invitation links, the organiser's secret link).
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    const board = page.locator('pi-review-board');
    await page.goto(`${base}/examples/review.html?role=editeur`);
    await board.locator('button[data-view=campaigns]').click();
    await board.locator('.campaigns tbody tr').first().waitFor();
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/images/review-5-campaigns-${width}.png`, fullPage: width === 375 });
    await page.close();
  }
} finally {
  await close();
}
console.log('docs/images/review-*.png written');
