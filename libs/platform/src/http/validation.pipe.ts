import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { isMultiLine } from './multi-line.decorator';
import { type FieldProblem, validationProblem } from './problem-details';
import { inputProblems } from './text-safety';

const RULE_NAMES: Record<string, string> = { whitelistValidation: 'unknownField' };

export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: RULE_NAMES[rule] ?? rule,
      message: rule === 'whitelistValidation' ? 'is not a known field' : message.replace(`${error.property} `, ''),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

const asValidationError = (p: FieldProblem): ValidationError => ({
  property: p.field,
  constraints: { [p.rule]: p.message },
  children: [],
});

/**
 * Refuses unsafe text and deep nesting twice: on the raw value, before class-transformer and Nest's
 * own recursive walks can overflow the stack (a body may still hold line breaks here: its class
 * decides), then on the request object, where only its @MultiLine() fields keep them.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const lenient = metadata.type === 'body';
      const problems = inputProblems(value, { root: metadata.data, multiLine: () => lenient });
      if (problems.length > 0) throw validationProblem(problems);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    return [...errors, ...inputProblems(object, { multiLine: isMultiLine }).map(asValidationError)];
  }
}

/** Every request body, query and parameter is validated; unknown fields are refused, not dropped. */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(fieldProblems(errors)),
  });
}
