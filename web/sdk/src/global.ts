// IIFE entry: sets window.OT.
import * as OT from './index';
(window as unknown as { OT: unknown }).OT = OT;
