import type { MessageKey } from '../../i18n/message-key.ts';
import type { Translator } from '../../i18n/translator.ts';
import {
  minimumCellSize,
  type OrganisationTimes,
  type ProcessingFigures,
  type ProcessingTimesReport,
  type ProgramTimes,
} from '../../modules/casework/processing-times.service.ts';
import { programTitle } from './program-title.ts';

const dateFormat = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'America/Los_Angeles',
} as const;

/**
 * A figure in whole days; when there is none, why: nothing to measure, too
 * few cases, or held back because it would give a smaller group away.
 */
function figure(t: Translator, value: number | null, count: number): string {
  if (value !== null) return t.formatNumber(Math.round(value));
  if (count === 0) return t.t('impact.none');
  return t.t(count < minimumCellSize ? 'impact.tooFew' : 'impact.withheld');
}

function FigureCells(props: { t: Translator; row: ProcessingFigures }) {
  const { t, row } = props;
  return (
    <>
      <td class="belong-number">{t.formatNumber(row.decided)}</td>
      <td class="belong-number">{figure(t, row.medianDays, row.decided)}</td>
      <td class="belong-number">{figure(t, row.p90Days, row.decided)}</td>
      <td class="belong-number">{t.formatNumber(row.open)}</td>
      <td class="belong-number">{t.formatNumber(row.overdue)}</td>
      <td class="belong-number">{figure(t, row.oldestDays, row.open)}</td>
    </>
  );
}

const figureColumns: MessageKey[] = [
  'impact.columnDecided',
  'impact.columnMedian',
  'impact.columnP90',
  'impact.columnOpen',
  'impact.columnOverdue',
  'impact.columnOldest',
];

/**
 * The numbers as a table: the accessible source of everything the chart
 * draws. Exported for the staff console, which shows the same table. The
 * wrapper scrolls sideways on a narrow screen and can take the focus, so a
 * keyboard can scroll it too.
 */
export function ProcessingTimesTable(
  props:
    | { t: Translator; id: string; kind: 'program'; rows: readonly ProgramTimes[] }
    | { t: Translator; id: string; kind: 'organisation'; rows: readonly OrganisationTimes[] },
) {
  const { t, id } = props;
  const captionId = `${id}-caption`;
  return (
    <section class="belong-table-scroll" aria-labelledby={captionId} tabindex={0}>
      <table class="usa-table" id={id}>
        <caption id={captionId}>
          {t.t(props.kind === 'program' ? 'impact.tableCaption' : 'impact.organisationsCaption')}
        </caption>
        <thead>
          <tr>
            {props.kind === 'organisation' ? (
              <th scope="col">{t.t('impact.columnOrganisation')}</th>
            ) : null}
            <th scope="col">{t.t('impact.columnProgram')}</th>
            {figureColumns.map((key) => (
              <th scope="col" class="belong-number">
                {t.t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.kind === 'program'
            ? props.rows.map((row) => (
                <tr>
                  <th scope="row">{t.t(programTitle(row.program))}</th>
                  <FigureCells t={t} row={row} />
                </tr>
              ))
            : props.rows.map((row) => (
                <tr>
                  <th scope="row">{row.organisationName ?? t.t('impact.noOrganisation')}</th>
                  <td>{t.t(programTitle(row.program))}</td>
                  <FigureCells t={t} row={row} />
                </tr>
              ))}
        </tbody>
      </table>
    </section>
  );
}

/** The chart's drawing area, in SVG user units; the SVG scales to the page's width. */
const chartWidth = 400;
const labelLineHeight = 16;
const barHeight = 12;
const barGap = 4;
const rowGap = 14;
const legendHeight = 28;
/** Room after the longest bar for its number. */
const valueRoom = 48;

/**
 * Splits a label into lines that fit the chart's width: SVG text does not
 * wrap. Ideographs and Hangul count double, being about twice as wide.
 */
export function wrapLabel(label: string, maxWidth = 50): string[] {
  const width = (text: string) =>
    [...text].reduce((sum, char) => sum + (/[\u2e80-\uffdc]/u.test(char) ? 2 : 1), 0);
  const lines: string[] = [];
  let line = '';
  const pieces = /\s/.test(label) ? label.split(/\s+/) : [...label];
  const joiner = /\s/.test(label) ? ' ' : '';
  for (const piece of pieces) {
    const candidate = line === '' ? piece : `${line}${joiner}${piece}`;
    if (line !== '' && width(candidate) > maxWidth) {
      lines.push(line);
      line = piece;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A horizontal bar chart drawn on the server: two bars a program (median
 * and 90th percentile), a few rects and text, no script and no library.
 * It is a picture of the table below it: `role="img"` with a title and a
 * description, and nothing inside it for a screen reader to walk. In a
 * right-to-left language the bars grow from the right.
 */
export function ProcessingTimesChart(props: { t: Translator; programs: readonly ProgramTimes[] }) {
  const { t, programs } = props;
  const rtl = t.dir === 'rtl';
  const longest = Math.max(1, ...programs.map((p) => p.p90Days ?? p.medianDays ?? 0));
  const scale = (chartWidth - valueRoom) / longest;
  // x of a point `x` units from the start edge, and of a box starting there.
  const at = (x: number) => (rtl ? chartWidth - x : x);
  const box = (x: number, width: number) => (rtl ? chartWidth - x - width : x);

  const legend = [
    { key: 'impact.legendMedian' as const, className: 'belong-bar-median', x: 0 },
    { key: 'impact.legendP90' as const, className: 'belong-bar-p90', x: chartWidth / 2 },
  ];
  let y = legendHeight;
  const rows = programs.map((program) => {
    const lines = wrapLabel(t.t(programTitle(program.program)));
    const top = y;
    const barsTop = top + lines.length * labelLineHeight + barGap;
    const shown = program.medianDays !== null && program.p90Days !== null;
    y = barsTop + (shown ? 2 * barHeight + barGap : labelLineHeight) + rowGap;
    return { program, lines, top, barsTop, shown };
  });
  const height = y;

  return (
    <svg
      class="belong-chart"
      role="img"
      aria-labelledby="chart-title chart-desc"
      viewBox={`0 0 ${chartWidth} ${height}`}
      xmlns="http://www.w3.org/2000/svg"
      direction={rtl ? 'rtl' : 'ltr'}
    >
      <title id="chart-title">{t.t('impact.chartTitle')}</title>
      <desc id="chart-desc">{t.t('impact.chartDesc')}</desc>
      {legend.map((item) => (
        <>
          <rect class={item.className} x={box(item.x, 14)} y={4} width={14} height={14} />
          <text x={at(item.x + 20)} y={16}>
            {t.t(item.key)}
          </text>
        </>
      ))}
      {rows.map((row) => (
        <g>
          {row.lines.map((line, i) => (
            <text class="belong-chart-label" x={at(0)} y={row.top + (i + 1) * labelLineHeight - 3}>
              {line}
            </text>
          ))}
          {row.shown ? (
            [
              {
                value: row.program.medianDays as number,
                className: 'belong-bar-median',
                offset: 0,
              },
              {
                value: row.program.p90Days as number,
                className: 'belong-bar-p90',
                offset: barHeight + barGap,
              },
            ].map((bar) => {
              const width = Math.max(1, bar.value * scale);
              return (
                <>
                  <rect
                    class={bar.className}
                    x={box(0, width)}
                    y={row.barsTop + bar.offset}
                    width={width}
                    height={barHeight}
                  />
                  <text
                    class="belong-chart-value"
                    x={at(width + 4)}
                    y={row.barsTop + bar.offset + barHeight - 2}
                  >
                    {t.formatNumber(Math.round(bar.value))}
                  </text>
                </>
              );
            })
          ) : (
            <text class="belong-chart-value" x={at(0)} y={row.barsTop + barHeight}>
              {figure(t, null, row.program.decided)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

/**
 * `/impact/processing-times`: how long cases take and how many wait, as
 * aggregates only. `report` is undefined where the app has no database;
 * the page then says there are no figures yet.
 */
export function ProcessingTimesPage(props: { t: Translator; report?: ProcessingTimesReport }) {
  const { t, report } = props;
  const hasData = report !== undefined && report.programs.length > 0;
  const charted = report?.programs.filter((p) => p.medianDays !== null) ?? [];
  return (
    <>
      <h1>{t.t('impact.title')}</h1>
      <p class="usa-intro">{t.t('impact.lead')}</p>
      {report && hasData ? (
        <>
          <p>
            {t.t('impact.range', {
              from: t.formatDate(report.from, dateFormat),
              to: t.formatDate(report.to, dateFormat),
            })}{' '}
            {t.t('impact.asOf', { date: t.formatDate(report.to, dateFormat) })}
          </p>
          {charted.length > 0 ? (
            <ProcessingTimesChart t={t} programs={report.programs} />
          ) : (
            <p>{t.t('impact.chartEmpty')}</p>
          )}
          <ProcessingTimesTable t={t} id="by-program" kind="program" rows={report.programs} />
          {report.organisations.length > 0 ? (
            <ProcessingTimesTable
              t={t}
              id="by-organisation"
              kind="organisation"
              rows={report.organisations}
            />
          ) : null}
        </>
      ) : (
        <p class="usa-summary-box">{t.t('impact.empty')}</p>
      )}
      <section aria-labelledby="meaning-heading">
        <h2 id="meaning-heading">{t.t('impact.explainTitle')}</h2>
        <p>{t.t('impact.explainMedian')}</p>
        <p>{t.t('impact.explainP90')}</p>
        <p>{t.t('impact.explainBacklog')}</p>
        <p>
          {t.t('impact.explainPrivacy', { minimum: report?.minimumCellSize ?? minimumCellSize })}{' '}
          {t.t('impact.explainWithheld')}
        </p>
      </section>
    </>
  );
}
