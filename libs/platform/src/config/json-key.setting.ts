import { registerDecorator, type ValidationArguments } from 'class-validator';
import { readJsonSetting } from '../auth/actor-token.keys';

/**
 * A key setting given inline as JSON (`NAME`) or as a file (`NAME_FILE`, for mounted secrets), checked
 * at start-up by the parser that will read it, so a bad key stops the process instead of every request.
 * Put on the inline property; `fileSetting` names the file variant.
 */
export function JsonKeySetting(
  parse: (value: unknown) => unknown,
  fileSetting: string,
  options: { required: boolean; what: string },
): PropertyDecorator {
  return (target, propertyName) => {
    let failure = '';
    registerDecorator({
      name: 'jsonKeySetting',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const file = (args.object as Record<string, unknown>)[fileSetting] as string | undefined;
          if (value === undefined && file === undefined) {
            failure = `is required (${options.what}; or ${fileSetting} naming a file holding it)`;
            return !options.required;
          }
          try {
            parse(readJsonSetting(value as string | undefined, file));
            return true;
          } catch (error) {
            failure = `${file !== undefined && value === undefined ? `${fileSetting}: ` : ''}${(error as Error).message}`;
            return false;
          }
        },
        defaultMessage: () => failure,
      },
    });
  };
}
