/**
 * What one process keeps between builds (watch mode, a batch worker, an API server): the loaded
 * fonts with their glyph metrics, and each section's (and attachment page's) rendered template,
 * reused while its text, the data and the blank settings are unchanged. Pass one session to every
 * build() as `options.session`; a build without one starts cold. Two sessions share nothing, and a
 * session holds one entry per section or attachment file and per font setting, so a long watch
 * does not grow.
 */
import type { LoadedFonts } from '../fonts/index.js';
import type { RenderedText } from '../template/render.js';

export interface SessionStats {
  /** Sections whose rendered template was reused / rendered afresh by the last build. */
  sectionsReused: number;
  sectionsRendered: number;
  /** Whether the last build that laid out pages reused the loaded fonts. */
  fontsReused: boolean;
}

export class BuildSession {
  private readonly fontSets = new Map<string, LoadedFonts>();
  private readonly sections = new Map<string, { key: string; rendered: RenderedText }>();
  readonly stats: SessionStats = { sectionsReused: 0, sectionsRendered: 0, fontsReused: false };

  /**
   * The fonts for `key` (style spec fonts + where they are looked for), loaded on first use and
   * again once a font file they read has changed (a face reads glyphs from its open file as needed
   * and must not mix two versions of it).
   */
  fonts(key: string, load: () => LoadedFonts): LoadedFonts {
    let fonts = this.fontSets.get(key);
    if (fonts && ![...fonts.faces.values()].every((face) => face.isCurrent())) fonts = undefined;
    this.stats.fontsReused = fonts !== undefined;
    if (!fonts) {
      fonts = load();
      this.fontSets.set(key, fonts);
    }
    return fonts;
  }

  /** A font file may have been added, changed or removed: resolve and load again next time. */
  forgetFonts(): void {
    this.fontSets.clear();
  }

  /** Called when a build starts, so the stats describe that build. */
  startBuild(): void {
    this.stats.sectionsReused = 0;
    this.stats.sectionsRendered = 0;
  }

  /**
   * The section at `path` rendered with the context `key` names (its text, the data, the blank
   * settings); `render` runs only when any of them changed since the last build.
   */
  section(path: string, key: string, render: () => RenderedText): RenderedText {
    const known = this.sections.get(path);
    if (known && known.key === key) {
      this.stats.sectionsReused++;
      return known.rendered;
    }
    const rendered = render();
    this.sections.set(path, { key, rendered });
    this.stats.sectionsRendered++;
    return rendered;
  }
}
