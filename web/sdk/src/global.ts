// IIFE entry (/v2/js/opentok.js): sets window.OT to a plain, extensible object with the public surface.
import * as api from './index';

(window as unknown as { OT: unknown }).OT = { ...api };
