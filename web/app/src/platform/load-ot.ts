// Gets the `OT` SDK: the one already on the page (a <script src="…/v2/js/opentok.js"> tag), or loads it from
// the Duet server named in the configuration, as any OpenTok-style page would.
import type { OTNamespace } from '../ot';

let loading: Promise<OTNamespace> | null = null;

export function loadOT(server: string): Promise<OTNamespace> {
  const existing = (window as unknown as { OT?: OTNamespace }).OT;
  if (existing) return Promise.resolve(existing);
  loading ??= new Promise<OTNamespace>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${server}/v2/js/opentok.js`;
    script.async = true;
    script.onload = () => {
      const ot = (window as unknown as { OT?: OTNamespace }).OT;
      if (ot) resolve(ot);
      else reject(new Error(`${script.src} did not define OT`));
    };
    script.onerror = () => {
      loading = null;
      reject(new Error(`Could not load ${script.src}`));
    };
    document.head.append(script);
  });
  return loading;
}
