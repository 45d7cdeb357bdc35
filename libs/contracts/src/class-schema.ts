import 'reflect-metadata';
import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import {
  constraintSchema,
  type Delegate,
  NotCompilable,
  type Schema,
  unsupportedOption,
  type ValidationMetadata,
} from './constraint-schema';

// class-transformer exports its metadata (@Type, @Expose, @Transform) only by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformer = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage })
  .defaultMetadataStorage;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the metadata stores keys by Function
type Class = Function;
const { CUSTOM_VALIDATION, NESTED_VALIDATION, CONDITIONAL_VALIDATION } = ValidationTypes;
/** Keys class-transformer never copies onto an instance, so class-validator never sees them. */
const UNCOPIED_KEYS = Object.getOwnPropertyNames(Object.prototype); // with __proto__ and constructor
const NOT_A_CONTRACT_CLASS: unknown[] = [String, Number, Boolean, Date, Object, Array, Map, Set, Promise];

/**
 * JSON Schema definitions of classes, read from their class-validator and class-transformer
 * metadata: the classes stay the one source of the contract. A class whose rules have no exact
 * translation throws NotCompilable. `whitelist` is class-validator's option of that name (the
 * payload's); without it unknown keys pass, as they do in the envelope.
 */
export class ClassSchemas {
  readonly defs: Record<string, Schema> = {};
  private readonly ids = new Map<string, string>();
  private readonly classes = new Map<Class, number>();

  constructor(private readonly delegate: Delegate) {}

  refTo(cls: Class, whitelist: boolean): Schema {
    const key = `${this.numberOf(cls)}${whitelist ? '' : '-open'}`;
    let id = this.ids.get(key);
    if (!id) {
      id = `${cls.name}-${key}`;
      this.ids.set(key, id); // before the properties: a class may nest itself
      this.defs[id] = this.objectSchema(cls, whitelist);
    }
    return { $ref: `#/$defs/${id}` };
  }

  /** The schema of `cls`; `extra` adds a rule to some of its properties (the envelope's payload). */
  objectSchema(cls: Class, whitelist: boolean, extra: Record<string, Schema> = {}): Schema {
    const metadatas = getMetadataStorage().getTargetValidationMetadatas(cls, undefined as never, false, false);
    if (metadatas.length === 0) throw new NotCompilable(`${cls.name} has no rules: class-validator refuses it`);
    if (transformer.getExposedMetadatas(cls).length > 0 || transformer.getExcludedMetadatas(cls).length > 0)
      throw new NotCompilable(`${cls.name}: @Expose or @Exclude changes what class-validator sees`);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of metadatas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [name, rules] of byProperty) {
      const { schema, isRequired } = this.propertySchema(cls, name, rules, whitelist, extra[name]);
      properties[name] = schema;
      if (isRequired) required.push(name);
    }
    const unknownKeys = whitelist
      ? { additionalProperties: false }
      : { propertyNames: { not: { enum: UNCOPIED_KEYS } } };
    return { type: 'object', properties, required, ...unknownKeys };
  }

  private propertySchema(cls: Class, name: string, rules: ValidationMetadata[], whitelist: boolean, extra?: Schema) {
    const where = `${cls.name}.${name}`;
    if (UNCOPIED_KEYS.includes(name) || name in cls.prototype)
      throw new NotCompilable(`${where}: class-transformer does not copy that name`);
    if (transformer.findTransformMetadatas(cls, name, TransformationType.PLAIN_TO_CLASS).length > 0)
      throw new NotCompilable(`${where}: @Transform`);
    const conditions = rules.filter((r) => r.type === CONDITIONAL_VALIDATION);
    // @IsOptional skips every rule for null and undefined; any other condition depends on the object.
    if (conditions.some((r) => r.name !== 'isOptional')) throw new NotCompilable(`${where}: @ValidateIf`);
    const other = rules.find((r) => ![CONDITIONAL_VALIDATION, CUSTOM_VALIDATION, NESTED_VALIDATION].includes(r.type));
    if (other) throw new NotCompilable(`${where}: rule of type ${other.type}`);
    const customs = rules.filter((r) => r.type === CUSTOM_VALIDATION);
    const fragments = customs.map((r) => constraintSchema(r, this.delegate));
    const nested = rules.filter((r) => r.type === NESTED_VALIDATION);
    if (nested.length > 0) fragments.push(this.nestedSchema(cls, name, nested, whitelist));
    else if (transformer.findTypeMetadata(cls, name))
      throw new NotCompilable(`${where}: @Type without @ValidateNested`);
    if (extra) fragments.push(extra);
    const schema = fragments.length === 1 ? fragments[0] : fragments.length === 0 ? {} : { allOf: fragments };
    const optional = conditions.length > 0;
    // Without @IsOptional an absent value fails every rule but @ValidateNested, which skips undefined.
    return {
      schema: optional ? { anyOf: [{ type: 'null' }, schema] } : schema,
      isRequired: !optional && customs.length > 0,
    };
  }

  /** class-validator also accepts one object where an array is declared (and the reverse): those fall back. */
  private nestedSchema(cls: Class, name: string, nested: ValidationMetadata[], whitelist: boolean): Schema {
    const where = `${cls.name}.${name}`;
    const unsupported = nested.length > 1 ? 'twice' : unsupportedOption(nested[0], NESTED_VALIDATION);
    if (unsupported) throw new NotCompilable(`${where}: @ValidateNested ${unsupported}`);
    const type = transformer.findTypeMetadata(cls, name);
    // A type function that reads its options picks the class per object: not one schema.
    if (!type?.typeFunction || type.typeFunction.length > 0 || type.options?.discriminator)
      throw new NotCompilable(`${where}: @ValidateNested needs @Type(() => Class)`);
    const target = type.typeFunction();
    if (typeof target !== 'function' || NOT_A_CONTRACT_CLASS.includes(target))
      throw new NotCompilable(`${where}: @Type of a value, not a class`);
    const ref = this.refTo(target, whitelist);
    const declared = Reflect.getMetadata('design:type', cls.prototype, name);
    return nested[0].each || declared === Array ? { type: 'array', items: ref } : ref;
  }

  private numberOf(cls: Class): number {
    if (!this.classes.has(cls)) this.classes.set(cls, this.classes.size);
    return this.classes.get(cls)!;
  }
}
