import { tokens } from '@fluentui/react-components';
import { HostConfig } from 'adaptivecards';

const text = (color: string, subtle: string) => ({ default: color, subtle });

/**
 * The Adaptive Cards host config, in the theme's own colours (Fluent tokens are CSS variables): a card follows the
 * light, dark and high-contrast themes as Teams renders it, instead of staying black on white.
 */
export const themedHostConfig = new HostConfig({
  fontFamily: tokens.fontFamilyBase,
  containerStyles: {
    default: {
      backgroundColor: tokens.colorNeutralBackground1,
      foregroundColors: {
        default: text(tokens.colorNeutralForeground1, tokens.colorNeutralForeground3),
        dark: text(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
        light: text(tokens.colorNeutralForeground3, tokens.colorNeutralForeground4),
        accent: text(tokens.colorBrandForegroundLink, tokens.colorBrandForegroundLinkHover),
        good: text(tokens.colorPaletteGreenForeground1, tokens.colorPaletteGreenForeground2),
        warning: text(tokens.colorPaletteDarkOrangeForeground1, tokens.colorPaletteDarkOrangeForeground2),
        attention: text(tokens.colorPaletteRedForeground1, tokens.colorPaletteRedForeground2),
      },
    },
    emphasis: {
      backgroundColor: tokens.colorNeutralBackground3,
      foregroundColors: {
        default: text(tokens.colorNeutralForeground1, tokens.colorNeutralForeground3),
        accent: text(tokens.colorBrandForegroundLink, tokens.colorBrandForegroundLinkHover),
      },
    },
  },
});
