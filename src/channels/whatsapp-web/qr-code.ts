import qrcode from 'qrcode-generator';
import { escapeHtml } from '../../staff/html';

/** The QR matrix of a WhatsApp link code (automatic size, low error correction as WhatsApp uses). */
function matrix(text: string): ReturnType<typeof qrcode> {
  const code = qrcode(0, 'L');
  code.addData(text);
  code.make();
  return code;
}

/** The QR code as text blocks for the terminal of whoever starts the server and holds the phone. */
export function qrForTerminal(text: string): string {
  return matrix(text).createASCII(1, 2);
}

/**
 * The QR code as an SVG element for the dashboard: one path of dark modules with presentation
 * attributes only, since the dashboard's Content-Security-Policy forbids inline styles.
 */
export function qrSvg(text: string, label: string): string {
  const code = matrix(text);
  const size = code.getModuleCount();
  const margin = 4;
  const cells: string[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) if (code.isDark(row, col)) cells.push(`M${col + margin} ${row + margin}h1v1h-1z`);
  }
  const box = size + 2 * margin;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" width="${box * 8}" height="${box * 8}" role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="#fff"/><path fill="#000" d="${cells.join('')}"/></svg>`;
}
