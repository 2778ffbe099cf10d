// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coded, fakeApi, json, refusal, renderAt, rowError, type FakeCall } from '../testing/render.tsx';
import { ImportPage } from './import-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const report = (dryRun: boolean, kinds: [string, number, number][]) => ({
  import_id: dryRun ? null : 7,
  dry_run: dryRun,
  written: kinds.reduce((n, [, , added]) => n + added, 0),
  kinds: kinds.map(([kind, rows, added]) => ({ kind, rows, added, replaced: 0, unchanged: rows - added })),
});

function choose(name: string, content = 'ref,date\n', size?: number) {
  const file = new File([content], name, { type: name.endsWith('.csv') ? 'text/csv' : '' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  fireEvent.change(screen.getByLabelText('文件（CSV、CSV.GZ 或 Excel）'), { target: { files: [file] } });
  return file;
}

const imports = (calls: FakeCall[]) => calls.filter((c) => c.method === 'POST' && c.path.startsWith('/imports'));

describe('ImportPage', () => {
  it('uploads the file itself, checks it first while showing the server at work, then writes it when asked', async () => {
    let answerCheck: (a: { status: number; body: unknown }) => void = () => {};
    const calls = fakeApi(({ method, path }) => {
      if (method !== 'POST' || !path.startsWith('/imports')) return undefined;
      if (path.includes('dry_run=true')) return new Promise((resolve) => (answerCheck = resolve));
      return { status: 201, body: report(false, [['surveys', 12_345, 12_000]]) };
    });
    renderAt(<ImportPage />, { url: '/import?kind=surveys' });
    const file = choose('群众测评 六月.xlsx');

    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.getByText('服务器正在校验全部数据…')).toBeTruthy();
    expect(screen.getByText(/Excel 工作簿：每个工作表按表名识别数据类型/)).toBeTruthy();
    expect(imports(calls)).toEqual([
      {
        method: 'POST',
        path: `/imports?name=${encodeURIComponent('群众测评 六月.xlsx').replace(/%20/g, '+')}&kind=surveys&dry_run=true`,
        body: file,
      },
    ]);

    answerCheck(json(report(true, [['surveys', 12_345, 12_000]])));
    expect(await screen.findByText('全部 12,345 行校验通过，可以写入。')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getByText('群众测评')).toBeTruthy();
    expect(within(table).getByText('12,000')).toBeTruthy();
    expect(within(table).getByText('345')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '写入 12,345 行' }));
    expect(await screen.findByText('导入完成：写入 12,000 行（新增或替换），其余相同记录未改动。')).toBeTruthy();
    expect(imports(calls).map((c) => c.path.split('&').pop())).toEqual(['dry_run=true', 'dry_run=false']);
    expect(imports(calls)[1].body).toBe(file);
  });

  it('shows every rejected row by the file’s own lines, sheet by sheet, and never offers to write', async () => {
    const details = [
      rowError(
        'all.xlsx',
        'surveys:12345',
        'area_code',
        coded('unknown_reference', { target: 'area', value: 'NOWHERE' }),
      ),
      rowError('all.xlsx', 'visits:3', 'badge', coded('unknown_reference', { target: 'officer', value: 'X9' })),
    ];
    const calls = fakeApi(({ path }) =>
      path.startsWith('/imports') ? refusal('import_rejected', { count: 1500, listed: 1000 }, details) : undefined,
    );
    renderAt(<ImportPage />, { url: '/import?kind=surveys' });
    choose('all.xlsx');
    expect(await screen.findByText('1,500 处问题，没有写入任何数据。请修改文件后重新上传。')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['surveys:12345', '村居代码 (area_code)', '没有代码为 NOWHERE 的地区'],
      ['visits:3', '警号 (badge)', '没有警号为 X9 的民警'],
    ]);
    const download = screen.getByRole('link', { name: '下载问题清单' });
    expect(decodeURIComponent(download.getAttribute('href')!)).toContain(
      'surveys:12345,area_code,没有代码为 NOWHERE 的地区',
    );
    expect(screen.getByText('(2 / 1,500)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /写入/ })).toBeNull();
    expect(imports(calls)).toHaveLength(1);
  });

  it('takes the kind from the file name and says a refusal for scope in Chinese', async () => {
    const calls = fakeApi(({ path }) =>
      path.startsWith('/imports')
        ? refusal('scope_refused', { count: 1, listed: 1 }, [
            rowError(
              'visits-june.csv',
              11_000,
              'area_code',
              coded('area_outside_scope', { value: '510101002001', scope: '510201000000' }),
            ),
          ])
        : undefined,
    );
    renderAt(<ImportPage />, { url: '/import?kind=surveys' });
    choose('visits-june.csv');
    expect(await screen.findByText('已按文件名识别为「入户走访」。')).toBeTruthy();
    expect(await screen.findByText('1 处超出您的管辖范围，没有写入任何数据。')).toBeTruthy();
    expect(screen.getByText('510101002001 不在您的管辖范围（510201000000）内')).toBeTruthy();
    expect(imports(calls)[0].path).toContain('kind=visits');
    expect(window.location.search).toBe('?kind=visits');
  });

  it('refuses a file over the limit before sending a byte, and says what to do', async () => {
    const calls = fakeApi(() => undefined);
    renderAt(<ImportPage />, { url: '/import?kind=surveys' });
    choose('surveys.csv', 'x', 600 * 1024 * 1024);
    expect((await screen.findByRole('alert')).textContent).toContain('文件超过 512.0 MB，不能通过网页导入');
    expect(imports(calls)).toEqual([]);
  });

  it('says an Excel file that unpacks past the limit should be split', async () => {
    fakeApi(() =>
      refusal('upload_unpacks_too_large', { name: 'surveys.xlsx', cap: 512 * 1024 * 1024, workbook: true }),
    );
    renderAt(<ImportPage />, { url: '/import?kind=surveys', lang: 'en' });
    fireEvent.change(screen.getByLabelText('File (CSV, .csv.gz or Excel)'), {
      target: { files: [new File(['x'], 'surveys.xlsx')] },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('unpacks to more than 512.0 MB');
    expect(alert.textContent).toContain('split it');
    // Trying again sends the file again.
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
  });
});
