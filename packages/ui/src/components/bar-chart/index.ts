export { BarChart, type BarChartBar, type BarChartProps, barChartSummary } from './bar-chart';
