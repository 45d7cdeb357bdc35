import { join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

/** The directory of the web front end; copied next to the compiled code by the build. */
export const WEB_ROOT = join(__dirname, 'public');

@ApiExcludeController()
@Controller()
export class WebAssetsController {
  @Get()
  index(@Res() res: Response): void {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    res.sendFile(join(WEB_ROOT, 'index.html'));
  }

  /** Static files, confined to WEB_ROOT by sendFile's root option (no ../ escapes, no dotfiles). */
  @Get('assets/*path')
  asset(@Param('path') path: string[], @Res() res: Response): void {
    res.sendFile(path.join('/'), { root: WEB_ROOT, dotfiles: 'deny', maxAge: '1h' }, (error) => {
      if (error && !res.headersSent) {
        res.status(404).type('application/problem+json').json(new NotFoundException('no such asset').getResponse());
      }
    });
  }
}
