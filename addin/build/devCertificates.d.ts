export declare const CERT_DIR: string;
export declare function canInstallCa(platform?: string): boolean;
export declare function existingCertificates(dir?: string): { ca: Buffer; cert: Buffer; key: Buffer } | undefined;
export declare function devCertificates(options?: {
  platform?: string;
  dir?: string;
  say?: (s: string) => void;
}): Promise<{ ca: Buffer | string; cert: Buffer | string; key: Buffer | string } | undefined>;
