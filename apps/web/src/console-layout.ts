/** Pixel sizes of the console's fixed parts, shared by the layout and the map that must avoid them. */
export const HEADER_HEIGHT = 56;
export const SIDER_WIDTH = 320;
export const GRID_PANEL_WIDTH = 400;
