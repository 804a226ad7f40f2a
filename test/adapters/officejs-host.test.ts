import { createExcelHost, ExcelHost, loadSettings, saveSettings } from "../../src/adapters/officejs/excel-host";
import { HostError, isHostError } from "../../src/adapters/officejs/host";
import { createFakeExcel, createFakeSettings, type FakeExcelOptions } from "../helpers/fake-excel";
import { expectedTemplateValues, templateSheet } from "./officejs/fixtures";
import { issuesPlan, summaryPlan } from "./officejs/plans";

function host(opts: FakeExcelOptions = {}, settings = createFakeSettings()) {
  const fake = createFakeExcel(
    [templateSheet("自评表1", 1), templateSheet("自评表2", 2), { name: "隐藏表", rows: [["x"]], visibility: "Hidden" }],
    { name: "县教育局.xlsx", ...opts },
  );
  return { fake, settings, host: createExcelHost({ run: fake.run, requirements: fake.requirements, settings }) };
}

async function rejection(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(isHostError(e)).toBe(true);
  return e as HostError;
}

describe("ExcelHost", () => {
  it("capabilities follow the supported ExcelApi sets", () => {
    expect(host({ apiVersion: "1.13" }).host.capabilities()).toEqual({
      kind: "excel",
      mergedAreas: true,
      charts: true,
      hyperlinks: true,
      select: true,
      settings: true,
      protectionCheck: true,
      autoFilter: true,
    });
    expect(host({ apiVersion: "1.7" }).host.capabilities()).toMatchObject({ mergedAreas: false, charts: true, autoFilter: false });
  });

  it("reads the workbook in ≤ 3 syncs and knows its file name", async () => {
    const { host: h, fake } = host();
    const result = await h.readWorkbook();
    expect(result.fileName).toBe("县教育局.xlsx");
    expect(result.grids.map((g) => g.sheet)).toEqual(["自评表1", "自评表2", "隐藏表"]);
    expect(result.grids[1].values).toEqual(expectedTemplateValues(2));
    expect(fake.stats.syncs).toBe(3);
    expect(await h.fileName()).toBe("县教育局.xlsx");
    expect((await h.readWorkbook({ includeHidden: false })).grids.map((g) => g.sheet)).toEqual(["自评表1", "自评表2"]);
  });

  it("merges are null on ExcelApi 1.12", async () => {
    const { host: h } = host({ apiVersion: "1.12" });
    expect((await h.readWorkbook()).grids[0].merges).toBeNull();
  });

  it("a host failure while reading becomes a HostError 'read-failed' keeping the cause", async () => {
    const { host: h } = host({ failWhen: (c) => (c.kind === "load" ? "GeneralException" : null) });
    const e = await rejection(h.readWorkbook());
    expect(e.code).toBe("read-failed");
    expect((e.cause as { code: string }).code).toBe("GeneralException");
  });

  it("writes output sheets and inserts templates", async () => {
    const { host: h, fake } = host({ apiVersion: "1.7" });
    const w = await h.writeSheets([summaryPlan(), issuesPlan()]);
    expect(w.sheets).toEqual(["评价汇总", "问题清单"]);
    expect(fake.sheet("评价汇总").autoFilter).toBeNull(); // 1.7: no AutoFilter
    expect(fake.sheet("评价汇总").charts).toHaveLength(1);
    const t = await h.insertTemplates([{ ...issuesPlan(), name: "自评表1" }]);
    expect(t.sheets).toEqual(["自评表1 (2)"]);
  });
});

describe("select", () => {
  it("activates the sheet and selects the cell or range in one sync", async () => {
    const { host: h, fake } = host();
    await h.select("自评表2", "H12");
    expect(fake.model.active?.name).toBe("自评表2");
    expect(fake.model.selection).toEqual({ sheet: "自评表2", address: "H12" });
    expect(fake.stats.syncs).toBe(1);
    await h.select("自评表1", "$b$3:c4");
    expect(fake.model.selection).toEqual({ sheet: "自评表1", address: "B3:C4" });
    await h.select("自评表1", "'自评表1'!D5");
    expect(fake.model.selection).toEqual({ sheet: "自评表1", address: "D5" });
  });

  it("typed errors: missing sheet, bad address, hidden sheet", async () => {
    const { host: h, fake } = host();
    const missing = await rejection(h.select("已删除的表", "A1"));
    expect(missing.code).toBe("sheet-not-found");
    expect(missing.sheet).toBe("已删除的表");
    expect(missing.message).toMatch(/找不到工作表/);
    const before = fake.stats.syncs;
    expect((await rejection(h.select("自评表1", "not a cell"))).code).toBe("bad-address");
    expect((await rejection(h.select("自评表1", "其他表!A1"))).code).toBe("bad-address");
    expect(fake.stats.syncs).toBe(before); // refused before any round trip
    expect((await rejection(h.select("隐藏表", "A1"))).code).toBe("cannot-select");
  });
});

describe("document settings", () => {
  it("load and save through Office.context.document.settings (saveAsync)", async () => {
    const settings = createFakeSettings({ profile: "hubei" });
    const { host: h } = host({}, settings);
    expect(await h.loadSetting<string>("profile")).toBe("hubei");
    expect(await h.loadSetting("missing")).toBeNull();
    await h.saveSetting("thresholds", { gap: 10, severe: 20 });
    expect(settings.saved.thresholds).toEqual({ gap: 10, severe: 20 });
    expect(settings.saveCount()).toBe(1);
    expect(await h.loadSetting("thresholds")).toEqual({ gap: 10, severe: 20 });
  });

  it("a failed save is a HostError", async () => {
    const settings = createFakeSettings({}, true);
    const e = await rejection(saveSettings("x", 1, settings));
    expect(e.code).toBe("settings-failed");
    expect(e.message).toMatch(/disk full/);
  });
});

describe("outside Office (file mode)", () => {
  it("Office and Excel are undefined: typed errors, no crash", async () => {
    expect(typeof Excel).toBe("undefined");
    const h = new ExcelHost();
    expect(h.capabilities()).toMatchObject({ kind: "excel", mergedAreas: false, charts: false, settings: false });
    expect((await rejection(h.readWorkbook())).code).toBe("not-in-excel");
    expect((await rejection(h.writeSheets([]))).code).toBe("not-in-excel");
    expect((await rejection(h.select("a", "A1"))).code).toBe("not-in-excel");
    expect(await h.loadSetting("profile")).toBeNull();
    expect(loadSettings("profile")).toBeNull();
    expect((await rejection(h.saveSetting("profile", "x"))).code).toBe("not-in-excel");
  });

});

describe("ExcelHost maps every host failure to a HostError", () => {
  it("a failure in the write preflight is 'write-failed', not a raw Office error", async () => {
    const { host: h } = host({ failWhen: (c) => (c.kind === "load" ? "GeneralException" : null) });
    expect((await rejection(h.writeSheets([summaryPlan()]))).code).toBe("write-failed");
    expect((await rejection(h.insertTemplates([{ ...issuesPlan(), name: "模板" }]))).code).toBe("write-failed");
    expect((await rejection(h.fileName())).code).toBe("read-failed");
  });
});
