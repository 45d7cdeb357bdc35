import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../adapters/http/session.guard';
import { type Session, Sessions } from '../application/ports/sessions.port';
import { CompressedAssets, compressedNow, encodingFor } from './compressed-asset';
import { firstDataPaths } from './first-data.paths';
import { readFirstData } from './first-data.reader';
import { withFirstData } from './first-data.script';

/** The directory of the web front end; copied next to the compiled code by the build. */
export const WEB_ROOT = join(__dirname, 'public');

const CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** A bundle file, named by its content's hash (esbuild's `[name]-[hash]`). */
const HASHED = /^build\/[\w.-]+-[A-Z0-9]{8}\.(js|css)$/;

/**
 * A page holding one person's data: kept by no cache, shared or the browser's (the service worker
 * keeps only the page without it: sw.js).
 */
export const PERSONAL_PAGE_CACHE_CONTROL = 'no-store, private';

/** A year for a file named by its content (it never changes under that name), an hour for the rest. */
export const cacheControlFor = (file: string) =>
  HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';

@ApiExcludeController()
@Controller()
export class WebAssetsController {
  private readonly compressed = new CompressedAssets(WEB_ROOT);
  private shell?: Promise<string>;

  constructor(@Inject(Sessions) private readonly sessions: Sessions) {}

  /**
   * The page. Signed in, it carries the person's first data (first-data.script.ts), saving the
   * round trip a phone on 3G would spend asking for it; signed out, it is the same for everyone.
   */
  @Get()
  async index(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Content-Security-Policy', CSP);
    const session = await this.signedIn(req);
    if (session) return this.personalIndex(session, req, res);
    res.setHeader('Cache-Control', 'no-cache');
    if (await this.sendCompressed('index.html', req, res)) return;
    res.sendFile(join(WEB_ROOT, 'index.html'));
  }

  private async personalIndex(session: Session, req: Request, res: Response): Promise<void> {
    this.shell ??= readFile(join(WEB_ROOT, 'index.html'), 'utf8');
    const answers = await readFirstData(req, firstDataPaths(session.actor.role));
    const html = Buffer.from(withFirstData(await this.shell, answers));
    const encoding = encodingFor(req.headers['accept-encoding']);
    res.setHeader('Cache-Control', PERSONAL_PAGE_CACHE_CONTROL);
    res.setHeader('Vary', 'Accept-Encoding, Cookie');
    res.status(200).type('text/html; charset=utf-8');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.send(encoding ? compressedNow(html, encoding) : html);
  }

  /** The session behind the request's cookie; none when the store cannot say (the page then asks for itself). */
  private async signedIn(req: Request & { cookies?: Record<string, string> }): Promise<Session | undefined> {
    const id = req.cookies?.[SESSION_COOKIE];
    return id ? this.sessions.touch(id).catch(() => undefined) : undefined;
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
