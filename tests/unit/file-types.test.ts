import { describe, expect, it } from "vitest";
import { sniffFileType } from "@/server/services/booking/file-types";
import { minimalPdf } from "@/db/seed/pdf";

const bytes = (...xs: number[]) => new Uint8Array([...xs, ...Array(16).fill(0)]);
const zipWith = (names: string[]) =>
  new Uint8Array(
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join("\0"), "latin1")]),
  );

describe("file types by content", () => {
  it("recognises PDF, PNG, JPEG, XLSX, DOCX and CSV", () => {
    expect(sniffFileType(minimalPdf(["x"]))?.mime).toBe("application/pdf");
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.ext).toBe("png");
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0))?.ext).toBe("jpg");
    expect(sniffFileType(zipWith(["[Content_Types].xml", "xl/workbook.xml"]))?.ext).toBe("xlsx");
    expect(sniffFileType(zipWith(["[Content_Types].xml", "word/document.xml"]))?.ext).toBe("docx");
    expect(sniffFileType(new TextEncoder().encode("sample,温度,value\nA,25,1.5\n"))?.ext).toBe(
      "csv",
    );
  });

  it("refuses other content whatever the name would say", () => {
    expect(sniffFileType(bytes(0x4d, 0x5a, 0x90, 0x00))).toBeNull(); // a Windows executable
    expect(sniffFileType(zipWith(["evil.sh"]))).toBeNull(); // a plain zip
    expect(
      sniffFileType(new TextEncoder().encode("just a sentence without delimiters")),
    ).toBeNull();
    expect(sniffFileType(new Uint8Array([0x41, 0x2c, 0x00, 0x42]))).toBeNull();
    expect(sniffFileType(new Uint8Array([0xc3, 0x28, 0x2c]))).toBeNull(); // invalid UTF-8
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});
