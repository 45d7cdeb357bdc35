import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, eventually, launchChromium, screenshotPath } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { statutoryHolidays } from '../../services/complaints/src/domain/sla/vietnamese-public-holidays';
import { complaintsClient, daysAgo } from './complaints.e2e-support';
import { PlatformUnderTest } from './platform-processes';

const SIZE = 200;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 11 })];
const PHONE = { width: 360, height: 740 };
const SHORT_SLA = {
  national: {
    default: { amount: 0.03, unit: 'working-hours' },
    rules: [],
    reminderBefore: { amount: 0.01, unit: 'working-hours' },
    citizenReplyWithin: { amount: 1, unit: 'working-days' },
    appealWithin: { amount: 30, unit: 'calendar-days' },
  },
  provinces: { '12': { rules: [] } },
};
const alwaysWorking = () => {
  const year = new Date().getUTCFullYear();
  const holidays = [year, year + 1].flatMap((y) => statutoryHolidays(y));
  return {
    utcOffsetMinutes: 420,
    workingPeriods: [{ start: '00:00', end: '23:59' }],
    restWeekdays: [],
    compensateWeekendHolidays: false,
    decisions: [{ year, daysOff: [], workingDays: holidays, reference: 'test: every day a working day' }],
  };
};
function writeJson(name: string, value: object): string {
  const dir = join(REPO_ROOT, 'test-artifacts', 'tmp');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), JSON.stringify(value));
  return join(dir, name);
}
// A 1×1 PNG: the photo the citizen picks in the phone's file chooser.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// A real headless Chromium against the platform's processes, on a phone-sized screen.
describe('the portal in a browser (every service and the worker as processes, real Kafka, PostgreSQL and Temporal)', () => {
  const platform = new PlatformUnderTest('kafka', 4700, [
    'identity',
    'injections',
    'certification',
    'complaints',
    'complaints-worker',
    'portal',
    'campaign',
    'campaign-worker',
  ]);
  platform.beforeStart = async (p) => {
    // Deadlines of about two minutes, round the clock and through holidays, so a breach can be seen.
    const worker = p.service('complaints-worker');
    worker.env.SLA_POLICY_FILE = writeJson('sla-policy.json', SHORT_SLA);
    worker.env.WORKING_CALENDAR_FILE = writeJson('working-calendar.json', alwaysWorking());
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    const args = [cli, 'load', '--size', String(SIZE), '--seed', '11', '--database', p.databaseUrl('identity')];
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  };
  let browser: Browser;
  /** What the journeys pass on: the complaint filed, the certificate's QR before the correction. */
  const complaint: { id?: string; firstQr?: string } = {};
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
    // The answer reads alike whether or not the number is registered: wait for it, whichever it is.
    await page.locator('form', { hasText: 'Người dân' }).getByRole('status').filter({ hasText: /\S/ }).waitFor();
    const { messages } = (await (await fetch(portal('/api/dev/outbox'))).json()) as { messages: { body: string }[] };
    // The outbox also holds the complaints service's messages: the sign-in code is the latest of its kind.
    const code = /(\d{6})/.exec(messages.find((m) => m.body.startsWith('Ma dang nhap'))!.body)![1];
    await page.getByLabel('Mã xác thực').fill(code);
    await page.locator('form', { hasText: 'Người dân' }).getByRole('button', { name: 'Đăng nhập' }).click();
  };

  /** The code complaints sent to the phone (development: kept in its database, not sent). */
  const complaintCode = async (phone: string) => {
    const pool = new Pool({ connectionString: platform.databaseUrl('complaints') });
    try {
      const { rows } = await pool.query(
        `select body from development_notifications where recipient = $1 and template = 'complaint-contact-code'
         order by created_at desc limit 1`,
        [phone],
      );
      return /(\d{6})/.exec(rows[0].body as string)![1];
    } finally {
      await pool.end();
    }
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
    await page.getByRole('link', { name: 'Bàn tiêm' }).click();
    await page.getByRole('heading', { name: 'Bàn tiêm — Trạm Y tế xã Bình Lư' }).waitFor();
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
      { attempts: 400, intervalMs: 500 }, // a new consumer group first reads what the topic already holds
    );
    await shot(page, 'desk', '3-recorded');
  }, 300_000);

  it('a citizen signs in with a code sent to their phone and sees their record, in Vietnamese or English', async () => {
    const page = await newPage();
    await signInCitizen(page, people[0].idNumber);
    await page.getByRole('heading', { name: 'Hồ sơ tiêm chủng của tôi' }).waitFor();
    await page.getByRole('cell', { name: 'AstraZeneca (Vaxzevria)' }).first().waitFor();
    // The certificate is issued from the dose's events; the page shows it once it exists.
    await eventually(
      async () => {
        await page.reload();
        await page.getByText('Đã tiêm chưa đủ liều (thẻ vàng)').waitFor({ timeout: 2_000 });
      },
      { attempts: 120, intervalMs: 500 },
    );
    await page.getByRole('img', { name: 'Mã QR chứng nhận tiêm chủng quốc tế' }).waitFor();
    // Who looked at my data: the list the services keep of staff reads, shown (not the "unavailable" note).
    const reads = page.getByRole('region', { name: 'Ai đã xem dữ liệu của tôi' });
    await reads.waitFor();
    expect(await reads.getByText('Chưa xem được danh sách này').count()).toBe(0);
    complaint.firstQr = (await page
      .getByRole('img', { name: 'Mã QR chứng nhận tiêm chủng quốc tế' })
      .getAttribute('src'))!;
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

  const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  it('a citizen files a correction with a photo from the phone and follows it', async () => {
    const person = people[0];
    const page = await newPage();
    await signInCitizen(page, person.idNumber);
    await page.getByRole('link', { name: 'Phản ánh của tôi' }).click();
    await page.getByRole('link', { name: 'Gửi phản ánh về dữ liệu tiêm chủng' }).click();
    await page.getByLabel('Trường bị sai').selectOption('administeredOn');
    await page.getByLabel('Thông tin đúng').fill(yesterday);
    await page.getByLabel('Cơ sở tiêm').first().selectOption('LC-TD-01');
    await page.getByLabel('Họ và tên').fill(person.fullName);
    await page.getByLabel('Ngày sinh').fill(person.dateOfBirth);
    await page.getByLabel('Giới tính').selectOption(person.gender);
    await page.getByLabel('Số CCCD/CMND').fill(person.idNumber);
    await page.getByLabel('Số điện thoại').fill(person.phone!);
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await page.getByRole('button', { name: 'Đã gửi mã — gửi lại' }).waitFor();
    await page.getByLabel('Mã xác thực').fill(await complaintCode(person.phone!));
    await page.getByLabel('Địa chỉ').fill(person.address!);
    await page.getByLabel('Mô tả').fill('Số lô mũi 1 trên hệ thống khác giấy xác nhận tiêm');
    await page
      .getByLabel('Ảnh giấy xác nhận tiêm chủng')
      .setInputFiles({ name: 'giay-xac-nhan.png', mimeType: 'image/png', buffer: PNG });
    await shot(page, 'complaint', '1-citizen-form');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { name: 'Quá trình xử lý' }).waitFor();
    complaint.id = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('id')!;
    await eventually(
      async () => {
        await page.reload();
        await page.getByText('Đang chờ cơ sở xử lý').waitFor({ timeout: 2_000 });
      },
      { attempts: 120, intervalMs: 500 },
    );
    await page.getByRole('img', { name: 'Ảnh giấy xác nhận đính kèm' }).waitFor();
    // The "received" SMS, readable on the page: it goes out before the assignment shown above.
    const sent = page.getByRole('region', { name: 'Tin nhắn đã gửi cho bạn' });
    await sent.getByText(`Phản ánh ${complaint.id} đã được tiếp nhận và đang được xử lý.`).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await shot(page, 'complaint', '2-citizen-follows');
  }, 240_000);

  it('the site finds it at the top of its queue and accepts with the correction prefilled from the record', async () => {
    const page = await newPage();
    await signInStaff(page, 'tyt.binhlu');
    await page.getByRole('heading', { name: 'Phản ánh cần xử lý' }).waitFor();
    const first = page.locator('ul.queue li').first();
    await shot(page, 'complaint', '3-site-queue');
    expect(await first.getByRole('link').getAttribute('href')).toContain(complaint.id);
    await first.getByRole('link').click();
    await page.getByRole('heading', { name: 'Xử lý phản ánh' }).waitFor();
    expect(await page.getByLabel('Ngày tiêm').inputValue()).toBe(yesterday.split('-').reverse().join('/'));
    await shot(page, 'complaint', '4-site-decides');
    await page.getByRole('button', { name: 'Gửi quyết định' }).click();
    await page.getByRole('heading', { name: 'Phản ánh cần xử lý' }).waitFor();
  }, 120_000);

  it('the citizen sees it resolved and downloads the new certificate', async () => {
    const page = await newPage();
    await signInCitizen(page, people[0].idNumber);
    await page.getByRole('heading', { name: 'Hồ sơ tiêm chủng của tôi' }).waitFor(); // signed in
    await page.goto(portal(`/#/complaint?id=${complaint.id}`));
    await eventually(
      async () => {
        await page.reload();
        await page.getByText('Đã đóng — đã giải quyết').waitFor({ timeout: 2_000 });
      },
      { attempts: 240, intervalMs: 500 },
    );
    await shot(page, 'complaint', '5-citizen-resolved');
    await page.getByRole('link', { name: 'Hồ sơ tiêm chủng của tôi' }).click();
    await page.getByText(yesterday.split('-').reverse().join('/')).first().waitFor(); // the corrected day, dd/MM/yyyy
    const qr = page.getByRole('img', { name: 'Mã QR chứng nhận tiêm chủng quốc tế' });
    await eventually(
      async () => {
        await page.reload();
        if ((await qr.getAttribute('src', { timeout: 2_000 })) === complaint.firstQr)
          throw new Error('not reissued yet');
      },
      { attempts: 120, intervalMs: 500 },
    );
    await shot(page, 'complaint', '6-citizen-new-certificate');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bản in A4 (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  }, 240_000);

  it("a signed-in citizen's record and QR come with the page: no request for the session, the record's data or the QR", async () => {
    const person = people.slice(5).find((p) => p.phone && p.idNumber.length === 12)!;
    const call = (path: string, cookie: string, body?: object, csrf?: string) =>
      fetch(portal(path), {
        method: body ? 'POST' : 'GET',
        headers: { cookie, 'content-type': 'application/json', ...(csrf && { 'x-csrf-token': csrf }) },
        body: body && JSON.stringify(body),
      });
    const signedIn = (res: Response) => res.headers.get('set-cookie')!.split(';')[0];
    // A dose at the desk (over the API, as the desk page sends it), so the citizen holds a certificate.
    const staff = signedIn(
      await call('/api/auth/staff/session', '', { username: 'tyt.binhlu', password: 'demo-LaiChau-2021' }),
    );
    const { csrfToken } = (await (await call('/api/session', staff)).json()) as { csrfToken: string };
    const { idNumber, fullName, dateOfBirth } = person;
    const check = (await (
      await call(
        '/api/desk/verifications',
        staff,
        { requestId: randomUUID(), typed: { idNumber, fullName, dateOfBirth } },
        csrfToken,
      )
    ).json()) as { personId: string; verificationId: string };
    const dose = {
      doseId: randomUUID(),
      verificationId: check.verificationId,
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV5811',
      administeredOn: yesterday,
      siteId: 'LC-TD-01',
    };
    await eventually(
      async () => {
        const res = await call(`/api/desk/records/${encodeURIComponent(check.personId)}/doses`, staff, dose, csrfToken);
        if (res.status !== 201 && res.status !== 200) throw new Error(`dose refused: ${res.status}`);
      },
      { attempts: 400, intervalMs: 500 },
    );
    // The citizen signs in with the code sent to their phone; the certificate follows the dose.
    await call('/api/auth/citizen/codes', '', { idNumber });
    const { messages } = (await (await fetch(portal(`/api/dev/outbox?phone=${person.phone}`))).json()) as {
      messages: { body: string }[];
    };
    const code = /(\d{6})/.exec(messages.find((m) => m.body.startsWith('Ma dang nhap'))!.body)![1];
    const citizen = signedIn(await call('/api/auth/citizen/session', '', { idNumber, code }));
    await eventually(
      async () => {
        const body = (await (await call('/api/me/certificate', citizen)).json()) as {
          certificate: unknown;
          qrImage?: string;
        };
        if (!body.certificate || !body.qrImage) throw new Error('no certificate yet');
      },
      { attempts: 240, intervalMs: 500 },
    );

    // A phone opening the portal, signed in, on a cold cache.
    const page = await newPage();
    const [name, value] = citizen.split('=');
    await page.context().addCookies([{ name, value, url: portal() }]);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    const opened = await page.goto(portal('/#/citizen'));
    expect(opened!.headers()['cache-control']).toBe('no-store, private');
    await page.getByRole('heading', { name: 'Hồ sơ tiêm chủng của tôi' }).waitFor();
    await page.getByRole('cell', { name: 'AstraZeneca (Vaxzevria)' }).first().waitFor();
    const qr = page.getByRole('img', { name: 'Mã QR chứng nhận tiêm chủng quốc tế' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await qr.evaluate((img: { decode(): Promise<void> }) => img.decode());
    // What the view drew from was asked for before it drew: the page's own resource timings list every
    // finished fetch, whatever answered it (the network or the service worker). Not 'networkidle': with
    // a service worker answering, Playwright at times never sees the page idle (a CI run waited 30 s).
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    // Only the PDF may follow, fetched after drawing for the service worker to keep (views/citizen.js).
    const apiCalls = (paths: string[]) =>
      paths.filter((path) => path.startsWith('/api/') && path !== '/api/me/certificate.pdf');
    expect(apiCalls(fetched)).toEqual([]);
    expect(apiCalls(asked)).toEqual([]);
    expect(fetched.length).toBeGreaterThan(0); // the timings are there to read: the page's script and styles
    expect(asked.filter((path) => path === '/')).toHaveLength(1);
    expect(await page.locator('#first-data').count()).toBe(0); // read once, not left in the page
    await shot(page, 'citizen', '3-record-from-the-page');
  }, 300_000);

  it("another site's staff cannot open the complaint (403)", async () => {
    const page = await newPage();
    await signInStaff(page, 'tyt.muongso');
    await page.getByRole('heading', { name: 'Phản ánh cần xử lý' }).waitFor();
    const status = await page.evaluate(async (id) => (await fetch(`/api/complaints/${id}`)).status, complaint.id!);
    expect(status).toBe(403);
  }, 60_000);

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
      page.locator('section', { hasText: 'Độ bao phủ theo huyện' }).getByRole('button', { name: 'Tải CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^coverage-\d{4}\.csv$/);
  }, 120_000);

  it('a manager sees a breached complaint on the dashboard', async () => {
    // A complaint nobody at the site answers: its deadline passes and it escalates to the district.
    const c = complaintsClient(platform);
    await c.fileWrongDay(people[3], daysAgo(3), 'LC-PT-01');
    const page = await newPage();
    await signInStaff(page, 'quanly.soyte');
    await page.getByRole('heading', { name: 'Bảng điều hành' }).waitFor();
    await eventually(
      async () => {
        const rows = await page.evaluate(async () => {
          const res = await fetch('/api/manager/sla/summary?groupBy=district');
          return ((await res.json()) as { rows: { key: string; breaches: number }[] }).rows;
        });
        if (!rows.some((r) => r.key === 'Phong Thổ' && r.breaches >= 1)) throw new Error('no breach yet');
      },
      { attempts: 150, intervalMs: 2_000 },
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Bảng điều hành' }).waitFor();
    await shot(page, 'manager', '2-sla-breach');
    await page.getByRole('heading', { name: 'Số lần quá hạn 30 ngày qua' }).waitFor();
    expect(await page.getByText('Không có lần quá hạn nào trong 30 ngày qua.').count()).toBe(0);
  }, 420_000);

  it('a manager uploads an old list, reads its report, starts a campaign and follows it by district, with CSV', async () => {
    const page = await newPage();
    await signInStaff(page, 'quanly.soyte');
    await page.getByRole('heading', { name: 'Bảng điều hành' }).waitFor();
    const lists = page.locator('section', { hasText: 'Danh sách tiêm chủng cũ' });
    await lists
      .getByLabel('Tệp danh sách (CSV hoặc Excel .xlsx)')
      .setInputFiles(join(REPO_ROOT, 'services/campaign/src/adapters/files/fixtures/legacy-list.csv'));
    await lists.getByLabel('Cách đọc các cột').selectOption('legacy-list.vi');
    await lists.getByRole('button', { name: 'Tải lên' }).click();
    await lists.getByText(/^Đã nhập danh sách, mã imp-/).waitFor({ timeout: 60_000 });
    await lists.getByText(/^Số dòng đã đọc: \d+/).waitFor();
    await shot(page, 'campaign', '1-imported');
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      lists.getByRole('button', { name: 'Tải báo cáo từng dòng (CSV)' }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/^import-imp-.+-report\.csv$/);

    // The imports list was refreshed: the new one can be ticked; the deadline is typed as the date input takes it.
    await lists.getByLabel('Tên chiến dịch').fill('Làm sạch dữ liệu Bình Lư (e2e)');
    await lists
      .getByRole('checkbox', { name: /^legacy-list\.csv, nhập lúc/ })
      .first()
      .check();
    const deadline = new Date(Date.now() + 7 * 3_600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    await lists.getByLabel('Hạn chót').fill(deadline);
    await lists.getByRole('button', { name: 'Bắt đầu' }).click();
    await lists.getByText(/^Đã bắt đầu chiến dịch/).waitFor();

    await page.reload();
    const progress = page.locator('section', { hasText: 'Tiến độ chiến dịch làm sạch dữ liệu' });
    await progress
      .getByLabel('Chiến dịch')
      .selectOption({ label: `Làm sạch dữ liệu Bình Lư (e2e) (hạn ${deadline.split('-').reverse().join('/')})` });
    await progress.getByText(`Hạn chót ${deadline.split('-').reverse().join('/')}: còn 14 ngày`).waitFor();
    await progress.getByRole('columnheader', { name: 'Khớp' }).waitFor();
    await progress.getByRole('img', { name: 'Tỷ lệ bản ghi đã khớp hoặc đã sửa' }).waitFor();
    await progress.getByLabel('Xem theo').selectOption('site');
    await progress.getByRole('columnheader', { name: 'Cơ sở tiêm chủng' }).waitFor();
    await shot(page, 'campaign', '2-progress');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      progress.getByRole('button', { name: 'Tải CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^campaign-cmp-[0-9a-f]+-by-site\.csv$/);
    // Nothing wider than the phone: the tables scroll inside their own box.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  }, 180_000);

  it('an upload of the wrong type is 415 and a mapping it cannot use is 400 naming the field and rule', async () => {
    const page = await newPage();
    await signInStaff(page, 'quanly.soyte');
    await page.getByRole('heading', { name: 'Bảng điều hành' }).waitFor();
    const answers = await page.evaluate(async () => {
      const csrf = ((await (await fetch('/api/session')).json()) as { csrfToken: string }).csrfToken;
      const send = async (query: string, type: string, body: string) => {
        const res = await fetch(`/api/manager/campaigns/imports?${query}`, {
          method: 'POST',
          headers: { 'content-type': type, 'x-csrf-token': csrf },
          body,
        });
        return {
          status: res.status,
          problem: (await res.json()) as { type: string; errors?: { field: string; rule: string }[] },
        };
      };
      return {
        wrongType: await send('name=a.pdf&preset=legacy-list.vi', 'application/pdf', '%PDF-1.4'),
        unknownPreset: await send('name=a.csv&preset=nope', 'text/csv', 'a;b\n1;2\n'),
        missingColumns: await send('name=a.csv&preset=legacy-list.vi', 'text/csv', 'Họ và tên;Ghi chú\nA;B\n'),
      };
    });
    expect(answers.wrongType.status).toBe(415);
    expect(answers.wrongType.problem.type).toMatch(/unsupported-media-type$/);
    expect(answers.unknownPreset.status).toBe(400);
    expect(answers.unknownPreset.problem.errors).toContainEqual(
      expect.objectContaining({ field: 'preset', rule: 'known' }),
    );
    expect(answers.missingColumns.status).toBe(400);
    expect(answers.missingColumns.problem.errors).toContainEqual(
      expect.objectContaining({ field: 'idNumber', rule: 'columnPresent' }),
    );
  }, 120_000);
});
