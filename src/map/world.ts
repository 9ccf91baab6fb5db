/**
 * Natural Earth at 1:110m, as TopoJSON (the world-atlas package): the countries, to
 * draw the ones the tour visits, and the land as one outline, for the background.
 */
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };
import land from 'world-atlas/land-110m.json' with { type: 'json' };

export const world = { countries: countries as unknown as Topology, land: land as unknown as Topology };
