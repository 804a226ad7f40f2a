/** The product's languages: Chinese first, English second. The one definition every layer uses. */
export type Lang = "zh" | "en";
