import { streamEvents, streamMinute, streamTrade } from './polygon-stream-events';

describe('Polygon WebSocket events (the exact wire format)', () => {
  it('reads trades and minute aggregates with millisecond times, and ignores what is not an event array', () => {
    const [trade] = streamEvents(
      '[{"ev":"T","sym":"MSFT","x":4,"i":"12345","z":3,"p":114.125,"s":100,"c":[0,12],"t":1536036818784,"q":3681328}]',
    );
    expect(streamTrade(trade)).toEqual({
      symbol: 'MSFT',
      price: 114.125,
      size: 100,
      time: 1536036818784,
    });
    const [minute] = streamEvents(
      '[{"ev":"AM","sym":"GTE","v":4110,"av":9470157,"op":0.4372,"vw":0.4488,"o":0.4488,"c":0.4486,"h":0.4489,"l":0.4486,"a":0.4352,"z":685,"s":1610144640000,"e":1610144700000}]',
    );
    expect(streamMinute(minute)).toEqual({
      symbol: 'GTE',
      time: 1610144640000,
      open: 0.4488,
      high: 0.4489,
      low: 0.4486,
      close: 0.4486,
      volume: 4110,
    });
    expect(streamEvents('{"ev":"T"}')).toEqual([]);
    expect(streamEvents('[{"ev":"status"')).toEqual([]);
    expect(streamTrade({ ev: 'T', sym: 'MSFT', s: 100 })).toBeNull();
    expect(streamMinute({ ev: 'AM', sym: 'GTE', o: 1 })).toBeNull();
  });
});
