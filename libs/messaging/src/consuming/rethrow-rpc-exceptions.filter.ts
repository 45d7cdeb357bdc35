import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns a handler's error into a generic `{ status: 'error' }` object;
 * the transports here need the error itself, to tell a contract violation (dead-letter now) from a
 * passing failure (retry), and to record what went wrong with the dead letter.
 */
@Catch()
export class RethrowRpcExceptionsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
