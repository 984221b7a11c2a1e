type Convert = (text: string) => string;

let converter: Convert | null = null;
let loading: Promise<Convert> | null = null;

/**
 * Loads OpenCC's Simplified → Taiwan converter (its dictionaries are about 1 MB), once, and only when 繁體中文 is
 * chosen: the other locales never fetch it. The server writes Chinese in Simplified characters only.
 */
export function loadTraditionalConverter(): Promise<Convert> {
  loading ??= import('opencc-js/cn2t')
    .then((OpenCC) => {
      converter = OpenCC.Converter({ from: 'cn', to: 'twp' });
      return converter;
    })
    .catch((error: unknown) => {
      // A failed fetch (the network dropped) may be tried again on the next switch or error.
      loading = null;
      throw error;
    });
  return loading;
}

/** The text in Traditional characters and Taiwan's words (登入, 資料); as written until the converter has loaded. */
export function toTraditional(text: string): string {
  return converter ? converter(text) : text;
}
