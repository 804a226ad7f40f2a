import { drawSample, largestRemainder, parseRate, ppsDraw, mulberry32, samplePopulation } from "../../../src/engine/sample";
import type { Grade, Project } from "../../../src/engine/model";
import { makeBudget, makeProject } from "../../helpers/factories";

/** A population: `n` projects per (department, grade), budgets 1..n × 10 万元. */
let serial = 0;
function population(departments: string[], grades: Grade[], n: number): Project[] {
  const out: Project[] = [];
  for (const d of departments)
    for (const g of grades)
      for (let i = 1; i <= n; i++) {
        const id = `${d}-${g}-${i}-${serial}`;
        out.push(makeProject({ id, name: `项目${d}-${g}-${i}`, code: `C${(serial++).toString().padStart(6, "0")}`, department: d, grade: g, budget: makeBudget({ adjusted: i * 10 }), location: { file: `${d}.xlsx`, sheet: id, cell: "A1" } }));
      }
  return out;
}

describe("largestRemainder", () => {
  it.each([
    [10, [50, 30, 20], [5, 3, 2]],
    [7, [50, 30, 20], [4, 2, 1]],
    [3, [1, 1, 1, 1], [1, 1, 1, 0]],
    [5, [0, 10], [0, 5]],
    [0, [3, 4], [0, 0]],
  ])("%d over %j → %j", (n, sizes, expected) => {
    expect(largestRemainder(n, sizes)).toEqual(expected);
  });
});

describe("parseRate", () => {
  it.each([
    ["20%", 0.2],
    ["20％", 0.2],
    ["0.15", 0.15],
    ["15", 0.15],
    ["100%", 1],
  ])("%s → %d", (t, r) => expect(parseRate(t)).toBeCloseTo(r));
  it.each(["", "0", "abc", "150%", "-5%"])("%s is no rate", (t) => expect(parseRate(t)).toBeNull());
});

describe("ppsDraw", () => {
  it("draws large items more often (probability proportional to size)", () => {
    const rng = mulberry32(7);
    const hits = { big: 0, small: 0 };
    for (let k = 0; k < 2000; k++) {
      const [x] = ppsDraw(["big", "small"] as const, (s) => (s === "big" ? 9 : 1), 1, rng);
      hits[x]++;
    }
    expect(hits.big / 2000).toBeGreaterThan(0.85);
    expect(hits.big / 2000).toBeLessThan(0.95);
  });
  it("never draws an item twice", () => {
    const got = ppsDraw([1, 2, 3, 4, 5], (x) => x, 5, mulberry32(1));
    expect([...got].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("drawSample", () => {
  const pop = population(["区民政局", "区水利局", "区教育局"], ["优", "良", "中", "差"], 10); // 120 projects

  it("is reproducible from the seed, and another seed draws another sample", () => {
    const a = drawSample(pop, { rate: 0.2, seed: 42 }).picks.map((p) => p.project.id);
    const b = drawSample([...pop].reverse(), { rate: 0.2, seed: 42 }).picks.map((p) => p.project.id);
    const c = drawSample(pop, { rate: 0.2, seed: 43 }).picks.map((p) => p.project.id);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("shares n out over the grades in proportion (largest remainder)", () => {
    const skewed = [...population(["区民政局"], ["优"], 50), ...population(["区民政局"], ["良"], 30), ...population(["区民政局"], ["中"], 15), ...population(["区民政局"], ["差"], 5)];
    const s = drawSample(skewed, { rate: 0.1, seed: 1 });
    expect(s.target).toBe(10);
    expect(s.counts.map((c) => [c.stratum, c.population, c.allocated, c.sampled])).toEqual([
      ["优", 50, 5, 5],
      ["良", 30, 3, 3],
      ["中", 15, 2, 2],
      ["差", 5, 0, 0],
    ]);
    expect(s.picks).toHaveLength(10);
  });

  it("represents every department (top-ups drawn from the department, marked as such)", () => {
    const withSmall = [...population(["区民政局"], ["优"], 40), ...population(["区档案馆"], ["良"], 1)];
    const s = drawSample(withSmall, { rate: 0.05, seed: 3, strata: "grade" });
    const depts = new Set(s.picks.map((p) => p.project.department));
    expect(depts).toEqual(new Set(["区民政局", "区档案馆"]));
    expect(drawSample(withSmall, { rate: 0.05, seed: 3, minPerDepartment: 0 }).picks.some((p) => p.project.department === "区档案馆")).toBe(false);
  });

  it("includes --must projects by name or code, and names those that match nothing", () => {
    const s = drawSample(pop, { rate: 0.05, seed: 9, must: ["项目区水利局-差-3", "C000000", "不存在的项目"] });
    const must = s.picks.filter((p) => p.reason === "must").map((p) => p.project.name);
    expect(must.sort()).toEqual(["项目区民政局-优-1", "项目区水利局-差-3"]);
    expect(s.unmatched).toEqual(["不存在的项目"]);
  });

  it("takes every project at or above --all-above", () => {
    const s = drawSample(pop, { rate: 0.05, seed: 9, allAbove: 100 });
    const above = s.picks.filter((p) => p.reason === "above");
    expect(above).toHaveLength(12);
    expect(above.every((p) => (p.project.budget?.adjusted ?? 0) >= 100)).toBe(true);
  });

  it("favours large budgets within a stratum", () => {
    let bigger = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const [p] = drawSample(population(["区民政局"], ["优"], 10), { rate: 0.1, seed, minPerDepartment: 0 }).picks;
      if ((p.project.budget?.adjusted ?? 0) > 50) bigger++;
    }
    // Budgets 60..100 hold 400/550 of the weight: about 73 % of draws.
    expect(bigger).toBeGreaterThan(120);
    expect(bigger).toBeLessThan(175);
  });

  it("stratifies by department or by amount on request", () => {
    expect(drawSample(pop, { rate: 0.2, seed: 1, strata: "department" }).counts.map((c) => [c.stratum, c.allocated])).toEqual([
      ["区教育局", 8],
      ["区民政局", 8],
      ["区水利局", 8],
    ]);
    expect(drawSample(pop, { rate: 0.2, seed: 1, strata: "amount" }).counts.map((c) => c.stratum)).toEqual(["100万～500万元", "10万～100万元"]);
  });

  it("counts a project submitted twice once", () => {
    const twice = [pop[0], { ...pop[0], id: "copy", location: { ...pop[0].location, file: "copy.xlsx" } }, pop[1]];
    expect(samplePopulation(twice)).toMatchObject({ duplicates: 1 });
    expect(samplePopulation(twice).population).toHaveLength(2);
  });

  it("refuses a rate outside (0, 1]", () => {
    expect(() => drawSample(pop, { rate: 0, seed: 1 })).toThrow(RangeError);
  });
});
