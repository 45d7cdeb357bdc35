import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest } from 'node:http';
import CircuitBreaker from 'opossum';
import type { RegistryPerson } from '../../domain/matching/registry-person';
import { type PopulationRegistry, RegistryUnavailableError } from '../../application/ports/population-registry.port';

export interface GatewayOptions {
  /** Base URL of the national gateway, e.g. https://gateway.example/api/v1 */
  baseUrl: string;
  timeoutMs: number;
  /** Attempts after the first, with exponential backoff, for timeouts and 5xx answers. */
  retries: number;
  backoffMs: number;
  /** Mutual TLS: this platform's client certificate and key, and the gateway's CA (PEM). */
  tls?: { cert: string; key: string; ca?: string };
  /** Open the circuit when this share of recent calls failed; try again after resetMs. */
  breaker?: { errorThresholdPercentage: number; resetTimeoutMs: number; volumeThreshold: number };
  /** Lookups in flight at once for bulk requests. */
  bulkConcurrency?: number;
}

/** The gateway's answer for one citizen (field names as the gateway spells them). */
interface GatewayCitizen {
  soDinhDanh: string;
  soCmnd?: string | null;
  hoVaTen: string;
  ngaySinh: string;
  gioiTinh: 'Nam' | 'Nữ';
  noiThuongTru?: string | null;
  soDienThoai?: string | null;
  maCongDan: string;
}

class GatewayError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
  ) {
    super(message);
  }
}

/**
 * The national population database through its gateway: GET {baseUrl}/citizens/{idNumber} answers
 * the citizen (200) or 404. Timeouts and 5xx are retried with backoff; repeated failures open a
 * circuit breaker so the injection desks get a fast "registry unavailable" instead of a hang.
 */
export class GatewayPopulationRegistry implements PopulationRegistry {
  private readonly breaker: CircuitBreaker<[string], RegistryPerson | null>;

  constructor(private readonly options: GatewayOptions) {
    const b = options.breaker ?? { errorThresholdPercentage: 50, resetTimeoutMs: 10_000, volumeThreshold: 10 };
    this.breaker = new CircuitBreaker((idNumber: string) => this.lookupWithRetries(idNumber), {
      timeout: false, // each attempt has its own timeout
      errorThresholdPercentage: b.errorThresholdPercentage,
      resetTimeout: b.resetTimeoutMs,
      volumeThreshold: b.volumeThreshold,
    });
  }

  get circuitOpen(): boolean {
    return this.breaker.opened;
  }

  async findByIdNumber(idNumber: string): Promise<RegistryPerson | null> {
    try {
      return await this.breaker.fire(idNumber);
    } catch (error) {
      if (this.breaker.opened && !(error instanceof GatewayError)) {
        throw new RegistryUnavailableError('the population registry is unavailable (circuit open)');
      }
      throw new RegistryUnavailableError(`the population registry did not answer: ${(error as Error).message}`);
    }
  }

  async findManyByIdNumber(idNumbers: string[]): Promise<Map<string, RegistryPerson>> {
    const found = new Map<string, RegistryPerson>();
    const queue = [...idNumbers];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const person = await this.findByIdNumber(id);
        if (person) found.set(id, person);
      }
    };
    await Promise.all(Array.from({ length: this.options.bulkConcurrency ?? 8 }, worker));
    return found;
  }

  /** The gateway answers by number only. */
  async searchByNameAndBirth(): Promise<Map<string, RegistryPerson[]>> {
    return new Map();
  }

  close(): void {
    this.breaker.shutdown();
  }

  private async lookupWithRetries(idNumber: string): Promise<RegistryPerson | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.lookup(idNumber);
      } catch (error) {
        const retriable = error instanceof GatewayError ? error.retriable : true;
        if (!retriable || attempt >= this.options.retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.options.backoffMs * 2 ** attempt));
      }
    }
  }

  private lookup(idNumber: string): Promise<RegistryPerson | null> {
    const url = new URL(`${this.options.baseUrl.replace(/\/$/, '')}/citizens/${encodeURIComponent(idNumber)}`);
    const options: RequestOptions = {
      method: 'GET',
      headers: { accept: 'application/json' },
      timeout: this.options.timeoutMs,
      ...(this.options.tls ? { cert: this.options.tls.cert, key: this.options.tls.key, ca: this.options.tls.ca } : {}),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status === 404) return resolve(null);
          if (status >= 500) return reject(new GatewayError(`gateway answered ${status}`, true));
          if (status !== 200) return reject(new GatewayError(`gateway answered ${status}`, false));
          try {
            resolve(toPerson(JSON.parse(Buffer.concat(chunks).toString('utf8')) as GatewayCitizen));
          } catch (error) {
            reject(new GatewayError(`gateway answer not understood: ${(error as Error).message}`, false));
          }
        });
      });
      req.on('timeout', () => req.destroy(new GatewayError(`no answer within ${this.options.timeoutMs} ms`, true)));
      req.on('error', (error) => reject(error instanceof GatewayError ? error : new GatewayError(error.message, true)));
      req.end();
    });
  }
}

function toPerson(c: GatewayCitizen): RegistryPerson {
  const [d, m, y] = c.ngaySinh.split('/');
  if (!c.maCongDan || !c.soDinhDanh || !y) throw new Error('missing maCongDan, soDinhDanh or ngaySinh (dd/MM/yyyy)');
  return {
    personId: c.maCongDan,
    idNumber: c.soDinhDanh,
    oldIdNumber: c.soCmnd ?? undefined,
    fullName: c.hoVaTen.normalize('NFC'),
    dateOfBirth: `${y}-${m}-${d}`,
    gender: c.gioiTinh === 'Nữ' ? 'female' : 'male',
    address: c.noiThuongTru ?? undefined,
    phone: c.soDienThoai ?? undefined,
  };
}
