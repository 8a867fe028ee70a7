// Illustrative service templates, each tied to the equipment categories it runs on and citing
// real standard codes.
import type { ServiceType } from "../schema/enums";

export type ServiceTemplate = {
  type: ServiceType;
  en: string;
  zh: string;
  standards: string[];
  categories: string[];
  accredited: boolean;
  hours: number;
  basis: "per_hour" | "per_sample" | "per_batch" | "quote";
};

export const serviceCatalog: ServiceTemplate[] = [
  { type: "testing", en: "Neutral salt-spray corrosion test", zh: "中性盐雾腐蚀试验", standards: ["GB/T 10125-2021", "ISO 9227:2022", "ASTM B117-19"], categories: ["salt_spray_chamber"], accredited: true, hours: 96, basis: "per_hour" },
  { type: "testing", en: "Low and high temperature test", zh: "低温/高温试验", standards: ["GB/T 2423.1-2008", "GB/T 2423.2-2008", "IEC 60068-2-1:2007"], categories: ["climate_chamber", "altitude_chamber"], accredited: true, hours: 24, basis: "per_hour" },
  { type: "testing", en: "Damp heat steady-state test", zh: "恒定湿热试验", standards: ["GB/T 2423.3-2016", "IEC 60068-2-78:2012"], categories: ["climate_chamber"], accredited: true, hours: 48, basis: "per_hour" },
  { type: "testing", en: "Sinusoidal and random vibration test", zh: "正弦与随机振动试验", standards: ["GB/T 2423.10-2019", "GB/T 2423.56-2023", "ISO 16750-3:2023"], categories: ["vibration_table"], accredited: true, hours: 8, basis: "per_hour" },
  { type: "testing", en: "Tensile test of metallic materials", zh: "金属材料拉伸试验", standards: ["GB/T 228.1-2021", "ISO 6892-1:2019", "ASTM E8/E8M-22"], categories: ["universal_testing_machine"], accredited: true, hours: 2, basis: "per_sample" },
  { type: "testing", en: "Tensile properties of plastic films", zh: "塑料薄膜拉伸性能测试", standards: ["GB/T 1040.3-2006", "ASTM D882-18"], categories: ["universal_testing_machine", "film_line"], accredited: true, hours: 2, basis: "per_sample" },
  { type: "testing", en: "Li-ion cell cycle-life test", zh: "锂离子电池循环寿命测试", standards: ["GB/T 31484-2015", "IEC 62660-1:2018"], categories: ["battery_cycler"], accredited: true, hours: 336, basis: "per_sample" },
  { type: "testing", en: "Traction battery safety test", zh: "动力电池安全要求测试", standards: ["GB 38031-2025", "UN 38.3"], categories: ["battery_cycler", "accelerating_rate_calorimeter"], accredited: true, hours: 48, basis: "quote" },
  { type: "testing", en: "Thermal runaway calorimetry", zh: "热失控量热测试", standards: ["GB/T 36276-2023", "SAE J2464"], categories: ["accelerating_rate_calorimeter"], accredited: false, hours: 24, basis: "per_sample" },
  { type: "testing", en: "Radiated and conducted emission test", zh: "辐射与传导骚扰测试", standards: ["GB/T 9254.1-2021", "CISPR 32:2015"], categories: ["emc_chamber"], accredited: true, hours: 8, basis: "per_hour" },
  { type: "testing", en: "RF component S-parameter measurement", zh: "射频器件S参数测量", standards: ["IEC 60153-1:2016", "GB/T 17626.3-2023"], categories: ["network_analyzer"], accredited: false, hours: 4, basis: "per_sample" },
  { type: "testing", en: "Wafer-level electrical test", zh: "晶圆级电性能测试", standards: ["JESD22-A108F", "GB/T 4937.1-2006"], categories: ["wafer_prober"], accredited: false, hours: 8, basis: "per_hour" },
  { type: "testing", en: "SEM imaging and EDS microanalysis", zh: "扫描电镜形貌观察与能谱分析", standards: ["GB/T 17359-2012", "ISO 22309:2011"], categories: ["sem"], accredited: true, hours: 2, basis: "per_sample" },
  { type: "testing", en: "X-ray diffraction phase analysis", zh: "X射线衍射物相分析", standards: ["JY/T 0587-2020", "ASTM D934-22"], categories: ["xrd"], accredited: true, hours: 2, basis: "per_sample" },
  { type: "testing", en: "HPLC assay and related substances", zh: "高效液相色谱含量与有关物质测定", standards: ["ChP 2020 <0512>", "USP <621>"], categories: ["hplc"], accredited: true, hours: 4, basis: "per_sample" },
  { type: "testing", en: "Compute benchmark for AI model training", zh: "AI模型训练算力基准测试", standards: ["GB/T 45087-2024", "MLPerf Training v4.0"], categories: ["gpu_cluster"], accredited: false, hours: 24, basis: "per_hour" },
  { type: "inspection", en: "Weld and void inspection by X-ray", zh: "X射线焊点与空洞检测", standards: ["GB/T 3323.1-2019", "IPC-A-610H"], categories: ["xray_inspection"], accredited: true, hours: 2, basis: "per_sample" },
  { type: "inspection", en: "Dimensional inspection with CMM", zh: "三坐标尺寸检测", standards: ["ISO 10360-2:2009", "GB/T 16857.2-2017"], categories: ["cmm"], accredited: true, hours: 4, basis: "per_sample" },
  { type: "inspection", en: "Automated visual defect inspection", zh: "自动视觉缺陷检测", standards: ["GB/T 2828.1-2012", "ISO 2859-1:1999"], categories: ["machine_vision_station"], accredited: false, hours: 4, basis: "per_hour" },
  { type: "inspection", en: "Incoming material sampling inspection", zh: "来料抽样检验", standards: ["GB/T 2828.1-2012", "ISO 2859-1:1999"], categories: ["hplc", "xrd", "universal_testing_machine"], accredited: true, hours: 4, basis: "per_sample" },
  { type: "verification", en: "Proof-of-concept process verification", zh: "概念验证工艺验证", standards: ["GB/T 19001-2016", "ISO 9001:2015"], categories: ["jacketed_reactor", "flow_reactor", "bioreactor"], accredited: false, hours: 48, basis: "quote" },
  { type: "verification", en: "Medical device design verification", zh: "医疗器械设计验证", standards: ["YY/T 0287-2017", "ISO 13485:2016"], categories: ["climate_chamber", "vibration_table", "aseptic_filling_line"], accredited: true, hours: 24, basis: "quote" },
  { type: "verification", en: "Environmental qualification of airborne equipment", zh: "机载设备环境鉴定试验", standards: ["GJB 150A-2009", "RTCA DO-160G"], categories: ["altitude_chamber", "thermal_vacuum_chamber", "vibration_table"], accredited: true, hours: 72, basis: "quote" },
  { type: "verification", en: "Engine performance verification run", zh: "发动机性能验证试车", standards: ["GJB 241A-2010", "SAE ARP 4755"], categories: ["engine_test_bench"], accredited: false, hours: 8, basis: "quote" },
  { type: "verification", en: "Machine-vision model verification", zh: "机器视觉模型验证", standards: ["GB/T 25000.51-2016", "ISO/IEC 25059:2023"], categories: ["machine_vision_station", "gpu_cluster"], accredited: false, hours: 16, basis: "quote" },
  { type: "pilot_production", en: "Fine-chemical pilot batch", zh: "精细化工中试批次生产", standards: ["GB 30871-2022", "AQ 3013-2008"], categories: ["jacketed_reactor", "autoclave", "flow_reactor"], accredited: false, hours: 24, basis: "per_batch" },
  { type: "pilot_production", en: "Fermentation pilot batch", zh: "发酵中试批次生产", standards: ["GB 14881-2013", "GMP (2010) Annex 2"], categories: ["fermenter", "bioreactor"], accredited: false, hours: 96, basis: "per_batch" },
  { type: "pilot_production", en: "Spray-drying pilot run", zh: "喷雾干燥中试生产", standards: ["GB 14881-2013"], categories: ["spray_dryer"], accredited: false, hours: 12, basis: "per_batch" },
  { type: "pilot_production", en: "Electrode coating pilot run", zh: "极片涂布中试生产", standards: ["GB/T 30835-2014", "GB/T 31486-2024"], categories: ["coating_line", "glovebox"], accredited: false, hours: 24, basis: "per_batch" },
  { type: "pilot_production", en: "SMT pilot assembly run", zh: "SMT贴装中试生产", standards: ["IPC-A-610H", "IPC J-STD-001H"], categories: ["smt_line", "reflow_oven"], accredited: false, hours: 16, basis: "per_batch" },
  { type: "pilot_production", en: "Functional film pilot run", zh: "功能膜中试生产", standards: ["GB/T 13519-2016", "GB/T 6672-2001"], categories: ["film_line"], accredited: false, hours: 24, basis: "per_batch" },
  { type: "pilot_production", en: "Additive-manufactured part build", zh: "增材制造零件试制", standards: ["GB/T 35351-2017", "ISO/ASTM 52900:2021"], categories: ["metal_3d_printer"], accredited: false, hours: 48, basis: "per_batch" },
  { type: "pilot_production", en: "GMP pilot filling batch", zh: "GMP中试灌装批次", standards: ["GMP (2010) Annex 1", "ISO 14644-1:2015"], categories: ["aseptic_filling_line", "freeze_dryer"], accredited: false, hours: 24, basis: "per_batch" },
  { type: "pilot_production", en: "Tablet pilot batch", zh: "片剂中试批次", standards: ["ChP 2020 <0101>", "ICH Q8(R2)"], categories: ["tablet_press"], accredited: false, hours: 16, basis: "per_batch" },
  { type: "pilot_production", en: "Herbal extract pilot batch", zh: "中药提取中试批次", standards: ["ChP 2020 <0183>", "GMP (2010) Annex 5"], categories: ["extraction_unit"], accredited: false, hours: 24, basis: "per_batch" },
  { type: "pilot_production", en: "Food extrusion pilot run", zh: "食品挤压中试生产", standards: ["GB 14881-2013", "GB 2760-2024"], categories: ["extruder", "uht_line"], accredited: false, hours: 8, basis: "per_batch" },
  { type: "pilot_production", en: "Polymer compounding pilot run", zh: "高分子改性造粒中试", standards: ["GB/T 1040.2-2022", "ISO 527-2:2012"], categories: ["extruder"], accredited: false, hours: 12, basis: "per_batch" },
  { type: "scale_up", en: "Reactor scale-up from lab to 500 L", zh: "反应工艺从实验室放大至500升", standards: ["ICH Q11", "GB/T 19001-2016"], categories: ["jacketed_reactor", "autoclave"], accredited: false, hours: 72, basis: "quote" },
  { type: "scale_up", en: "Fermentation scale-up 50 L → 2,000 L", zh: "发酵工艺从50升放大至2000升", standards: ["ICH Q5A(R2)", "GMP (2010) Annex 2"], categories: ["bioreactor", "fermenter"], accredited: false, hours: 120, basis: "quote" },
  { type: "scale_up", en: "Continuous-flow process intensification", zh: "连续流工艺强化放大", standards: ["ICH Q13", "GB 30871-2022"], categories: ["flow_reactor", "distillation_column"], accredited: false, hours: 48, basis: "quote" },
  { type: "scale_up", en: "Cell-to-pack battery process scale-up", zh: "电芯到电池包工艺放大", standards: ["GB/T 31486-2024", "IEC 62619:2022"], categories: ["coating_line", "battery_cycler"], accredited: false, hours: 72, basis: "quote" },
  { type: "scale_up", en: "Powder drying scale-up", zh: "粉体干燥工艺放大", standards: ["GB 14881-2013", "ISO 14644-1:2015"], categories: ["spray_dryer", "freeze_dryer"], accredited: false, hours: 24, basis: "quote" },
  { type: "consulting", en: "Pilot-scale process design consulting", zh: "中试工艺设计咨询", standards: ["GB 50489-2009", "HG/T 20519-2009"], categories: [], accredited: false, hours: 8, basis: "quote" },
  { type: "consulting", en: "Standards and certification consulting", zh: "标准与认证咨询", standards: ["GB/T 27025-2019", "ISO/IEC 17025:2017"], categories: [], accredited: false, hours: 4, basis: "per_hour" },
  { type: "consulting", en: "Technology transfer and maturation consulting", zh: "技术转移与中试熟化咨询", standards: ["GB/T 34670-2017"], categories: [], accredited: false, hours: 8, basis: "quote" },
];
