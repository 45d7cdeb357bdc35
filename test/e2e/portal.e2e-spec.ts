import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, eventually, launchChromium, screenshotPath } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/population/population-reference';
import { syntheticPopulation } from '../../services/identity/src/population/synthetic-population';
import { PlatformUnderTest } from './platform-processes';

const SIZE = 200;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 11 })];
const PHONE = { width: 360, height: 740 };

// A real headless Chromium against the platform's processes, on a phone-sized screen.
describe('the portal in a browser (identity, injections, certification and portal as processes, real Kafka)', () => {
  const platform = new PlatformUnderTest('kafka', 4700, ['identity', 'injections', 'certification', 'portal']);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/population/population.cli.js');
    const args = [cli, 'load', '--size', String(SIZE), '--seed', '11', '--database', p.databaseUrl('identity')];
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  };
  let browser: Browser;
  const portal = (path = '/') => platform.service('portal').url(path);
  const contexts: BrowserContext[] = [];
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('response', (r) => r.status() === 404 && process.stderr.write(`404: ${r.url()}\n`));
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    page.on('console', (m) => m.type() === 'error' && process.stderr.write(`console: ${m.text()}\n`));
    return page;
  };
  const shot = (page: Page, journey: string, step: string) =>
    page.screenshot({ path: screenshotPath(journey, step), fullPage: true });
  const signInStaff = async (page: Page, username: string) => {
    await page.goto(portal());
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill('demo-LaiChau-2021');
    await page.locator('form', { hasText: 'Cán bộ y tế' }).getByRole('button', { name: 'Đăng nhập' }).click();
  };
  const signInCitizen = async (page: Page, idNumber: string) => {
    await page.goto(portal());
    await page.getByLabel('Số CCCD/CMND').fill(idNumber);
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await page.getByText(/Đã gửi mã đến số điện thoại/).waitFor();
    const { messages } = (await (await fetch(portal('/api/dev/outbox'))).json()) as { messages: { body: string }[] };
    const code = /(\d{6})/.exec(messages[0].body)![1];
    await page.getByLabel('Mã xác thực').fill(code);
    await page.locator('form', { hasText: 'Người dân' }).getByRole('button', { name: 'Đăng nhập' }).click();
  };

  beforeAll(async () => {
    browser = await launchChromium();
    await platform.start();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    platform.kill();
  });

  it('site staff verify a person at the desk by typed details and record the dose', async () => {
    const page = await newPage();
    await signInStaff(page, 'tyt.binhlu');
    await page.getByRole('heading', { name: 'Bàn tiêm — LC-TD-01' }).waitFor();
    await shot(page, 'desk', '1-signed-in');
    const person = people[0];
    await page.getByLabel('Số CCCD/CMND').fill(person.idNumber);
    await page.getByLabel('Họ và tên').fill(person.fullName);
    await page.getByLabel('Ngày sinh').fill(person.dateOfBirth);
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await page.getByText('Khớp với Cơ sở dữ liệu dân cư.').waitFor();
    await shot(page, 'desk', '2-verified');
    await page.getByLabel('Số lô').fill('ABV5811');
    // The verification reaches injections through Kafka; until then the dose is refused as unknown.
    await eventually(
      async () => {
        await page.getByRole('button', { name: 'Ghi nhận' }).click();
        await page.getByText('Đã ghi nhận mũi 1').waitFor({ timeout: 2_000 });
      },
      { attempts: 120, intervalMs: 500 },
    );
    await shot(page, 'desk', '3-recorded');
  }, 180_000);

  it('a citizen signs in with a code sent to their phone and sees their record, in Vietnamese or English', async () => {
    const page = await newPage();
    await signInCitizen(page, people[0].idNumber);
    await page.getByRole('heading', { name: 'Hồ sơ tiêm chủng của tôi' }).waitFor();
    await page.getByRole('cell', { name: 'AZD1222' }).or(page.getByText('AZD1222')).first().waitFor();
    // The certificate is issued from the dose's events; the page shows it once it exists.
    await eventually(
      async () => {
        await page.reload();
        await page.getByText('Đã tiêm chưa đủ liều (thẻ vàng)').waitFor({ timeout: 2_000 });
      },
      { attempts: 120, intervalMs: 500 },
    );
    await page.getByRole('img', { name: 'Mã QR chứng nhận tiêm chủng quốc tế' }).waitFor();
    await shot(page, 'citizen', '1-record-vi');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bản in A4 (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My vaccination record' }).waitFor();
    await shot(page, 'citizen', '2-record-en');
    const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
  }, 120_000);

  it("a citizen cannot reach another person's record, and no change goes through without the CSRF token", async () => {
    const page = await newPage();
    await signInCitizen(page, people[1].idNumber);
    await page.getByRole('heading', { name: 'Hồ sơ tiêm chủng của tôi' }).waitFor();
    const answers = await page.evaluate(async (other) => {
      const csrf = ((await (await fetch('/api/session')).json()) as { csrfToken: string }).csrfToken;
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
      const desk = await fetch(`/api/desk/records/${other}`, { method: 'POST', headers, body: '{}' });
      const noToken = await fetch('/api/desk/verifications', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return [desk.status, noToken.status];
    }, people[0].personId);
    expect(answers).toEqual([403, 403]);
  }, 120_000);

  it('locks a staff account after five wrong passwords, even for the right one', async () => {
    const attempt = (password: string) =>
      fetch(portal('/api/auth/staff/session'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'tyt.muongso', password }),
      });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).status).toBe(401);
    expect((await attempt('wrong')).status).toBe(429);
    expect((await attempt('demo-LaiChau-2021')).status).toBe(429);
  });

  it('a manager sees coverage against the registry and the share verified, and downloads CSV', async () => {
    const page = await newPage();
    await signInStaff(page, 'quanly.soyte');
    await page.getByRole('heading', { name: 'Bảng điều hành' }).waitFor();
    await page.getByText(/So với dân số trong Cơ sở dữ liệu dân cư/).waitFor();
    await shot(page, 'manager', '1-dashboard');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV' }).first().click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^coverage-\d{4}\.csv$/);
  }, 120_000);
});
