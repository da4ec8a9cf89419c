import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { SUCCESS_ENVELOPE_HEAD, successEnvelope, successEnvelopeTail } from './envelope';

describe('the success envelope serialized around data serialized once', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 0, 5, 15, 30) }));
  afterEach(() => jest.useRealTimers());

  it('is exactly the serialized envelope, whatever the data and request id', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.uuid(), { nil: undefined }), (data, id) => {
        const request = { headers: {}, id } as unknown as IncomingMessage;
        expect(
          SUCCESS_ENVELOPE_HEAD + JSON.stringify(data) + successEnvelopeTail(request, '1.2.3'),
        ).toBe(JSON.stringify(successEnvelope(data, request, '1.2.3')));
      }),
    );
  });
});
