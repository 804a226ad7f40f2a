/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS 表格's object model (window.Application, typed by Kingsoft's et-jsapi-declare) this adapter
 * uses, and nothing more. Each interface below picks its members from the declarations (`Pick<Et.Range, …>`), and
 * `Conforms` at the end fails the type check if a real `Et.*` object would not satisfy the subset — so the
 * adapter is typed against the declarations while the test fake (test/helpers/fake-wps.ts) implements only this.
 *
 * WPS calls are synchronous (the page runs inside WPS's embedded Chromium and each property access or method
 * call goes to the spreadsheet process), so the adapter counts calls, not round trips: one `Value2` read per sheet,
 * never a call per cell.
 *
 * Enumerations are plain numbers at run time (the declarations' `enum`s are ambient): the values below are the
 * ones the declarations give (XlSheetVisibility, XlPaperSize, XlPageOrientation, XlHAlign/XlVAlign,
 * XlLineStyle, XlBorderWeight, XlUnderlineStyle, MsoDocProperties).
 */

export type WpsFont = Pick<Et.Font, "Bold" | "Size" | "Color" | "Underline">;
export type WpsInterior = Pick<Et.Interior, "Color">;
export type WpsBorders = Pick<Et.Borders, "LineStyle" | "Weight" | "Color">;

/** A range's data validation (drop-down lists of the blank templates). */
export type WpsValidation = Pick<Et.Validation, "Add" | "Delete" | "InCellDropdown" | "IgnoreBlank" | "ShowError" | "ErrorMessage">;

export interface WpsRange extends Pick<
  Et.Range,
  | "Value2"
  | "Formula"
  | "NumberFormat"
  | "MergeCells"
  | "Row"
  | "Column"
  | "Select"
  | "Merge"
  | "ColumnWidth"
  | "RowHeight"
  | "WrapText"
  | "HorizontalAlignment"
  | "VerticalAlignment"
> {
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly MergeArea: WpsRange;
  readonly Font: WpsFont;
  readonly Interior: WpsInterior;
  readonly Borders: WpsBorders;
  readonly Validation: WpsValidation;
  /** With no argument: turn the AutoFilter on for this range. */
  AutoFilter(): unknown;
}

export interface WpsHyperlinks {
  Add(
    Anchor: WpsRange,
    Address: string,
    SubAddress?: string,
    ScreenTip?: string,
    TextToDisplay?: string,
  ): unknown;
}

export type WpsPageSetup = Pick<
  Et.PageSetup,
  | "PaperSize"
  | "Orientation"
  | "Zoom"
  | "FitToPagesWide"
  | "FitToPagesTall"
  | "PrintTitleRows"
  | "TopMargin"
  | "BottomMargin"
  | "LeftMargin"
  | "RightMargin"
  | "HeaderMargin"
  | "FooterMargin"
  | "CenterHeader"
  | "CenterFooter"
>;

export interface WpsWorksheet extends Pick<
  Et.Worksheet,
  "Name" | "Visible" | "Activate" | "Delete" | "ProtectContents"
> {
  readonly UsedRange: WpsRange;
  Range(Cell1: string): WpsRange;
  readonly Hyperlinks: WpsHyperlinks;
  readonly PageSetup: WpsPageSetup;
}

export interface WpsSheets {
  readonly Count: number;
  /** 1-based index or name. */
  Item(Index: number | string): WpsWorksheet;
  /** A new worksheet before `Before` or after `After` (both optional); it becomes the active sheet. */
  Add(Before?: WpsWorksheet, After?: WpsWorksheet): WpsWorksheet;
}

/** One custom document property (Office's DocumentProperty: Name, Value). */
export interface WpsDocumentProperty {
  readonly Name: string;
  Value: unknown;
}

/** Workbook.CustomDocumentProperties (declared `any`): the members used. */
export interface WpsDocumentProperties {
  readonly Count: number;
  Item(Index: number | string): WpsDocumentProperty;
  Add(
    Name: string,
    LinkToContent: boolean,
    Type: number,
    Value: unknown,
  ): WpsDocumentProperty;
}

export interface WpsWorkbook extends Pick<
  Et.Workbook,
  "Name" | "ProtectStructure"
> {
  readonly Worksheets: WpsSheets;
  readonly ActiveSheet: WpsWorksheet;
  readonly CustomDocumentProperties: WpsDocumentProperties;
}

export type WpsWindow = Pick<
  Et.Window,
  "FreezePanes" | "SplitRow" | "SplitColumn"
>;

export type WpsPluginStorage = Pick<WPS.PluginStorage, "getItem" | "setItem">;

export type WpsTaskPane = Pick<WPS.CustomTaskpane, "Visible" | "ID">;

/** window.Application in WPS 表格: the spreadsheet Application plus the add-in root (PluginStorage, CreateTaskPane). */
export interface WpsApplication extends Pick<
  Et.Application,
  "DisplayAlerts" | "ScreenUpdating"
> {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveWindow: WpsWindow | null;
  readonly PluginStorage?: WpsPluginStorage;
  CreateTaskPane?(url: string, title?: string): WpsTaskPane;
  GetTaskPane?(id: number): WpsTaskPane;
}

/** XlSheetVisibility */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** XlPaperSize.xlPaperA4 */
export const XL_PAPER_A4 = 9;
/** XlPageOrientation */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
/** XlHAlign / XlVAlign */
export const XL_H_ALIGN = { Center: -4108, Left: -4131, Right: -4152 } as const;
export const XL_V_ALIGN = { Top: -4160, Center: -4108, Bottom: -4107 } as const;
/** XlLineStyle.xlContinuous, XlBorderWeight.xlThin, XlUnderlineStyle.xlUnderlineStyleSingle */
export const XL_CONTINUOUS = 1;
export const XL_THIN = 2;
export const XL_UNDERLINE_SINGLE = 2;
/** MsoDocProperties.msoPropertyTypeString */
export const MSO_PROPERTY_TYPE_STRING = 4;

/** "#RRGGBB" → the BGR number the spreadsheet object model takes for Color (RGB(r, g, b) = r + g·256 + b·65536). */
/** XlDVType.xlValidateList, XlDVAlertStyle.xlValidAlertStop, XlFormatConditionOperator.xlBetween. */
export const XL_VALIDATE_LIST = 3;
export const XL_VALID_ALERT_STOP = 1;
export const XL_BETWEEN = 1;

export function colorNumber(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

// ---------------------------------------------------------------------------------------------------------------
// Type-level check: the real objects the declarations describe satisfy the subsets above (member names and types
// come from et-jsapi-declare; a renamed or retyped member fails `npm run typecheck`).
type Conforms<Real, Subset> = Real extends Subset ? true : never;
export type DeclarationsConform = [
  Conforms<Et.Font, WpsFont>,
  Conforms<Et.Interior, WpsInterior>,
  Conforms<Et.Borders, WpsBorders>,
  Conforms<Et.PageSetup, WpsPageSetup>,
  Conforms<Et.Window, WpsWindow>,
  Conforms<WPS.PluginStorage, WpsPluginStorage>,
  Conforms<WPS.CustomTaskpane, WpsTaskPane>,
  Conforms<Et.Validation, WpsValidation>,
  Conforms<Et.Range, WpsRange>,
  Conforms<Et.Worksheet, WpsWorksheet>,
];
const conform: DeclarationsConform = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
void conform;
