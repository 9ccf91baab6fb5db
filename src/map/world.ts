/** The world's countries at 1:110m from Natural Earth, as TopoJSON (the world-atlas package). */
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };

export const world = countries as unknown as Topology;
