import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};

/**
 * Horizontal bars, one per label: readable on a 360 px phone, with the value written beside each
 * bar and the data in a table next to it, so nothing is in the picture alone.
 */
export function barChart(bars, { max, format, label }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 28;
  const chart = svg('svg', {
    viewBox: `0 0 320 ${Math.max(rowHeight, bars.length * rowHeight)}`,
    role: 'img',
    'aria-label': label,
    class: 'chart',
  });
  bars.forEach((b, i) => {
    const y = i * rowHeight;
    const width = Math.max(1, (b.value / top) * 150);
    const name = svg('text', { x: 0, y: y + 18, class: 'chart-label' });
    name.textContent = b.label;
    const value = svg('text', { x: 120 + width + 6, y: y + 18, class: 'chart-value' });
    value.textContent = format(b.value);
    chart.append(name, svg('rect', { x: 120, y: y + 6, width, height: 16, rx: 3, class: 'chart-bar' }), value);
  });
  return h('figure', { class: 'chart-figure' }, chart);
}
