import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PersonalDataScrubbingProcessor } from './personal-data.span-processor';

describe('spans leave the process without ID numbers', () => {
  it("masks them in the status message, attributes and events' attributes", () => {
    const exporter = new InMemorySpanExporter();
    const processor = new PersonalDataScrubbingProcessor(new SimpleSpanProcessor(exporter));
    const tracer = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('test');
    const span = tracer.startSpan('RunActivity:reissueCertificate', { attributes: { note: 'person 001203004567' } });
    span.recordException(new Error('no certificate reissued yet for person P000000001'));
    span.setStatus({ code: 2, message: 'no certificate reissued yet for person P000000001' });
    span.end();

    const [exported] = exporter.getFinishedSpans();
    expect(exported.status.message).toBe('no certificate reissued yet for person P*********');
    expect(exported.attributes.note).toBe('person ************');
    expect(JSON.stringify(exported.events)).not.toMatch(/000000001/);
    expect(exported.name).toBe('RunActivity:reissueCertificate');
  });
});
