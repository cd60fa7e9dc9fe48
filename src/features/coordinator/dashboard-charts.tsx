import { LineChart, VerticalBarChart, VerticalStackedBarChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { ProgrammeDashboard } from '../../application/coordinator/programme-dashboard';
import { progressRagLabel, type ProgressRag } from '../../domain';
import { useHighContrast } from '../shared/high-contrast';

/** The theme's own colours, so a chart follows light, dark and high contrast as the rest of the screen does. */
const ragColour: Partial<Record<ProgressRag, string>> = {
  RED: tokens.colorPaletteRedBackground3,
  AMBER: tokens.colorPaletteMarigoldBackground3,
  GREEN: tokens.colorPaletteGreenBackground3,
};
// High contrast makes every palette colour white: its text, link and selection colours still tell three apart.
const ragColourInHighContrast: Partial<Record<ProgressRag, string>> = {
  RED: tokens.colorNeutralForeground1,
  AMBER: tokens.colorBrandForegroundLink,
  GREEN: tokens.colorCompoundBrandBackground,
};

const size = { width: 320, height: 220 };

/** Open items by priority, stacked by progress. Loaded on demand: the charting library is large. */
export function OpenByPriorityChart({ figures }: { figures: ProgrammeDashboard['openByPriority'] }) {
  const colours = useHighContrast() ? ragColourInHighContrast : ragColour;
  return (
    <VerticalStackedBarChart
      {...size}
      chartTitle="Open recommendations by priority and progress"
      data={figures.map((f) => ({
        xAxisPoint: f.priority,
        chartData: f.byRag.map(({ rag, figure }) => ({ legend: progressRagLabel[rag], data: figure.count, color: colours[rag] })),
      }))}
      hideTooltip={false}
    />
  );
}

/** The share completed by the original target at each of the last meetings, in per cent. */
export function OnTimeTrendChart({ trend }: { trend: ProgrammeDashboard['onTimeTrend'] }) {
  const points = trend.filter((t) => t.share !== undefined);
  return (
    <LineChart
      {...size}
      data={{
        chartTitle: 'Completed by the original target',
        lineChartData: [
          {
            legend: 'Completed by the original target (%)',
            color: tokens.colorBrandBackground,
            data: points.map((t) => ({ x: new Date(`${t.date}T12:00:00Z`), y: Math.round((t.share ?? 0) * 100), xAxisCalloutData: t.cycle })),
          },
        ],
      }}
      yMaxValue={100}
    />
  );
}

/** Items by how many times their target has been revised. */
export function RevisionsChart({ revisions }: { revisions: ProgrammeDashboard['revisions'] }) {
  return (
    <VerticalBarChart
      {...size}
      chartTitle="Recommendations by target revisions"
      data={revisions.map(({ bucket, figure }) => ({
        x: bucket === '3+' ? '3 or more' : bucket,
        y: figure.count,
        legend: `${bucket === '3+' ? '3 or more' : bucket} revisions`,
        color: tokens.colorBrandBackground,
      }))}
      hideLegend
    />
  );
}
