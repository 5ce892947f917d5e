import type { ChartConfiguration, ChartType } from 'chart.js';

/**
 * Chart.svelte takes any chart's configuration; a typed one (`ChartConfiguration<'line'>`) is
 * checked where it is written and widened here, once.
 */
export const chartConfig = <T extends ChartType>(config: ChartConfiguration<T>): ChartConfiguration => config as unknown as ChartConfiguration;
