// The widget's stylesheet (style.css, minified into the bundle as text by .ci/bundle.mjs), made once
// per page and adopted by every element's shadow root.
import styleText from './style.css';

export const styleSheet = new CSSStyleSheet();
styleSheet.replaceSync(styleText);
