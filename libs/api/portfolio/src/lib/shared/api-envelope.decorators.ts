export { ApiEnvelopeResponse, ApiErrorResponses } from '@ptp/api/shared';
