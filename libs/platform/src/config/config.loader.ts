import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** One setting that failed validation: its name and the rules it broke (never its value, which may be a secret). */
export interface ConfigProblem {
  setting: string;
  rules: string[];
}

export class InvalidConfigurationError extends Error {
  constructor(
    readonly service: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `${service}: invalid configuration, start-up stopped:\n` +
        problems.map((p) => `  - ${p.setting}: ${p.rules.join('; ')}`).join('\n'),
    );
    this.name = 'InvalidConfigurationError';
  }
}

type ConfigClass<T> = new () => T;

/**
 * What a configuration says is unfit for production (development keys, outboxes): checked when
 * NODE_ENV=production, so a development default can never reach real people unnoticed.
 */
export interface ProductionChecked {
  productionProblems(): ConfigProblem[];
}

const isProductionChecked = (config: object): config is ProductionChecked =>
  typeof (config as Partial<ProductionChecked>).productionProblems === 'function';

/**
 * Builds a typed configuration from environment variables and validates it with class-validator.
 * Unknown variables are ignored (the environment holds far more than ours); known ones are
 * converted by their class-transformer decorators.
 */
export function loadConfig<T extends object>(
  service: string,
  configClass: ConfigClass<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(configClass, blanksRemoved, {
    excludeExtraneousValues: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) throw new InvalidConfigurationError(service, errors.flatMap(toProblems));
  if (env.NODE_ENV === 'production' && isProductionChecked(config)) {
    const unfit = config.productionProblems();
    if (unfit.length > 0) throw new InvalidConfigurationError(service, unfit);
  }
  return config;
}

function toProblems(error: ValidationError): ConfigProblem[] {
  const own = error.constraints ? [{ setting: error.property, rules: Object.values(error.constraints) }] : [];
  return [...own, ...(error.children ?? []).flatMap(toProblems)];
}
