import { join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CompressedAssets, encodingFor } from './compressed-asset';

/** The directory of the web front end; copied next to the compiled code by the build. */
export const WEB_ROOT = join(__dirname, 'public');

const CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** A bundle file, named by its content's hash (esbuild's `[name]-[hash]`). */
const HASHED = /^build\/[\w.-]+-[A-Z0-9]{8}\.(js|css)$/;

/** A year for a file named by its content (it never changes under that name), an hour for the rest. */
export const cacheControlFor = (file: string) =>
  HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';

@ApiExcludeController()
@Controller()
export class WebAssetsController {
  private readonly compressed = new CompressedAssets(WEB_ROOT);

  @Get()
  async index(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', CSP);
    if (await this.sendCompressed('index.html', req, res)) return;
    res.sendFile(join(WEB_ROOT, 'index.html'));
  }

  /** The service worker, from the root so that it may keep the citizen's pages (sw.js); always revalidated. */
  @Get('sw.js')
  async serviceWorker(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-cache');
    if (await this.sendCompressed('sw.js', req, res)) return;
    res.type('text/javascript').sendFile(join(WEB_ROOT, 'sw.js'));
  }

  /**
   * Static files, confined to WEB_ROOT by sendFile's root option (no ../ escapes, no dotfiles). The
   * bundle's files (build/, named by a hash of their content: scripts/bundle-portal.js) never change
   * under their name, so a phone keeps them for a year and asks again only for a new index.html.
   */
  @Get('assets/*path')
  async asset(@Param('path') path: string[], @Req() req: Request, @Res() res: Response): Promise<void> {
    const file = path.join('/');
    const hashed = HASHED.test(file);
    res.setHeader('Cache-Control', cacheControlFor(file));
    if (await this.sendCompressed(file, req, res)) return;
    res.sendFile(
      file,
      { root: WEB_ROOT, dotfiles: 'deny', maxAge: hashed ? '365d' : '1h', immutable: hashed },
      (error) => {
        if (error && !res.headersSent) {
          res.status(404).type('application/problem+json').json(new NotFoundException('no such asset').getResponse());
        }
      },
    );
  }

  /** Text assets go compressed to a browser that accepts it; false when this one goes as it is. */
  private async sendCompressed(file: string, req: Request, res: Response): Promise<boolean> {
    const encoding = encodingFor(req.headers['accept-encoding']);
    const asset = encoding && (await this.compressed.get(file, encoding));
    res.setHeader('Vary', 'Accept-Encoding');
    if (!asset) return false;
    res.status(200).type(asset.type).setHeader('Content-Encoding', encoding);
    res.send(asset.body);
    return true;
  }
}
