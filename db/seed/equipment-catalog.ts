// Illustrative equipment templates by technology field. Names, makers and figures are realistic
// for the category but invented: the demo labels all equipment as illustrative.
import type { ParameterKey } from "../reference/parameters";

export type ParamRange = [key: ParameterKey, min: number | null, max: number | null];

export type EquipmentTemplate = {
  category: string;
  en: string;
  zh: string;
  makers: [string, string][]; // [manufacturer, model]
  params: ParamRange[][]; // variants, one is picked
  rateYuan: [number, number];
  valueWan: [number, number]; // original value in 10k CNY
  setup: number[];
  hours: [min: number, max: number];
  units: number[];
};

export const equipmentCatalog: Record<string, EquipmentTemplate[]> = {
  advanced_materials: [
    {
      category: "jacketed_reactor",
      en: "Jacketed glass-lined reactor",
      zh: "夹套搪玻璃反应釜",
      makers: [
        ["Zibo Taiji", "K-500"],
        ["Buchi", "Versoclave 1000"],
        ["Jiangsu Gongtang", "FJ-2000"],
      ],
      params: [
        [
          ["volume", 50, 500],
          ["temperature", -20, 200],
          ["pressure", 0, 6],
        ],
        [
          ["volume", 100, 1000],
          ["temperature", -10, 250],
          ["pressure", 0, 10],
        ],
        [
          ["volume", 200, 2000],
          ["temperature", 0, 180],
          ["pressure", 0, 4],
        ],
      ],
      rateYuan: [300, 900],
      valueWan: [40, 260],
      setup: [60, 90, 120],
      hours: [4, 72],
      units: [1, 1, 2],
    },
    {
      category: "autoclave",
      en: "High-pressure autoclave",
      zh: "高压反应釜",
      makers: [
        ["Parr", "4580"],
        ["Weihai Chemical Machinery", "GSH-100"],
      ],
      params: [
        [
          ["volume", 1, 100],
          ["temperature", 20, 350],
          ["pressure", 0, 200],
        ],
      ],
      rateYuan: [200, 600],
      valueWan: [30, 120],
      setup: [30, 60],
      hours: [2, 48],
      units: [1, 2],
    },
    {
      category: "tube_furnace",
      en: "High-temperature tube furnace",
      zh: "高温管式炉",
      makers: [
        ["Hefei Kejing", "GSL-1700X"],
        ["Carbolite", "STF 16"],
      ],
      params: [[["temperature", 100, 1700]], [["temperature", 100, 1200]]],
      rateYuan: [80, 200],
      valueWan: [8, 40],
      setup: [30],
      hours: [2, 48],
      units: [1, 2, 3],
    },
    {
      category: "sem",
      en: "Field-emission scanning electron microscope",
      zh: "场发射扫描电子显微镜",
      makers: [
        ["ZEISS", "Sigma 300"],
        ["Hitachi", "SU8010"],
        ["Thermo Fisher", "Apreo 2"],
      ],
      params: [[["resolution", 0.8, null]], [["resolution", 1.2, null]]],
      rateYuan: [400, 900],
      valueWan: [300, 800],
      setup: [15, 30],
      hours: [1, 8],
      units: [1],
    },
    {
      category: "xrd",
      en: "X-ray diffractometer",
      zh: "X射线衍射仪",
      makers: [
        ["Bruker", "D8 Advance"],
        ["Rigaku", "SmartLab"],
      ],
      params: [[["temperature", 25, 1200]]],
      rateYuan: [200, 500],
      valueWan: [150, 400],
      setup: [15],
      hours: [1, 8],
      units: [1],
    },
    {
      category: "salt_spray_chamber",
      en: "Salt-spray corrosion chamber",
      zh: "盐雾腐蚀试验箱",
      makers: [
        ["Q-Lab", "Q-FOG CCT1100"],
        ["Guangdong Hongzhan", "HZ-120"],
      ],
      params: [
        [
          ["volume", 600, 1100],
          ["temperature", 20, 70],
          ["humidity", 30, 98],
        ],
      ],
      rateYuan: [30, 80],
      valueWan: [10, 45],
      setup: [60],
      hours: [24, 720],
      units: [1, 2],
    },
    {
      category: "universal_testing_machine",
      en: "Universal testing machine",
      zh: "万能材料试验机",
      makers: [
        ["Instron", "5985"],
        ["MTS", "E45.305"],
        ["Shenzhen Sans", "CMT5305"],
      ],
      params: [
        [
          ["force", 0, 250],
          ["temperature", -70, 350],
        ],
        [["force", 0, 100]],
      ],
      rateYuan: [150, 400],
      valueWan: [60, 200],
      setup: [15, 30],
      hours: [1, 8],
      units: [1],
    },
    {
      category: "film_line",
      en: "Biaxial film stretching line",
      zh: "双向拉伸薄膜中试线",
      makers: [
        ["Brückner", "Karo 5.0"],
        ["Guangdong Jinming", "BOPP-1200"],
      ],
      params: [
        [
          ["width", 200, 1200],
          ["speed", 5, 60],
          ["temperature", 20, 180],
        ],
      ],
      rateYuan: [1500, 3500],
      valueWan: [600, 1500],
      setup: [120, 180],
      hours: [8, 72],
      units: [1],
    },
  ],
  biomanufacturing: [
    {
      category: "bioreactor",
      en: "Stirred-tank bioreactor",
      zh: "搅拌式生物反应器",
      makers: [
        ["Sartorius", "Biostat STR 200"],
        ["Shanghai Bailun", "BLBIO-500"],
        ["Eppendorf", "BioFlo 320"],
      ],
      params: [
        [
          ["volume", 5, 50],
          ["temperature", 4, 60],
        ],
        [
          ["volume", 50, 500],
          ["temperature", 10, 50],
        ],
        [
          ["volume", 200, 2000],
          ["temperature", 10, 50],
        ],
      ],
      rateYuan: [200, 1200],
      valueWan: [50, 600],
      setup: [120, 180, 240],
      hours: [24, 240],
      units: [1, 2, 3],
    },
    {
      category: "fermenter",
      en: "Pilot fermenter",
      zh: "中试发酵罐",
      makers: [
        ["Shanghai Guoqiang", "GUJS-1000"],
        ["Zhenjiang Dongfang", "BIOTECH-5000"],
      ],
      params: [
        [
          ["volume", 100, 1000],
          ["temperature", 20, 60],
          ["pressure", 0, 2.5],
        ],
        [
          ["volume", 500, 5000],
          ["temperature", 20, 60],
          ["pressure", 0, 2.5],
        ],
      ],
      rateYuan: [300, 1500],
      valueWan: [80, 500],
      setup: [180, 240],
      hours: [24, 240],
      units: [1, 2],
    },
    {
      category: "freeze_dryer",
      en: "Pilot freeze dryer",
      zh: "中试冻干机",
      makers: [
        ["Tofflon", "LYO-5"],
        ["SP Scientific", "LyoStar 3"],
      ],
      params: [
        [
          ["area", 0.5, 5],
          ["temperature", -70, 70],
        ],
      ],
      rateYuan: [200, 600],
      valueWan: [60, 300],
      setup: [120],
      hours: [24, 96],
      units: [1],
    },
    {
      category: "hplc",
      en: "High-performance liquid chromatograph",
      zh: "高效液相色谱仪",
      makers: [
        ["Agilent", "1260 Infinity II"],
        ["Waters", "Arc HPLC"],
        ["Shimadzu", "LC-20AD"],
      ],
      params: [
        [
          ["pressure", 0, 600],
          ["temperature", 4, 90],
        ],
      ],
      rateYuan: [100, 300],
      valueWan: [25, 80],
      setup: [30],
      hours: [1, 24],
      units: [1, 2, 3, 4],
    },
    {
      category: "spray_dryer",
      en: "Spray dryer",
      zh: "喷雾干燥机",
      makers: [
        ["GEA Niro", "Mobile Minor"],
        ["Changzhou Yibu", "LPG-50"],
      ],
      params: [
        [
          ["throughput", 2, 50],
          ["temperature", 100, 300],
        ],
        [
          ["throughput", 10, 150],
          ["temperature", 120, 350],
        ],
      ],
      rateYuan: [300, 900],
      valueWan: [40, 200],
      setup: [90, 120],
      hours: [4, 48],
      units: [1],
    },
    {
      category: "centrifuge",
      en: "Continuous disc-stack centrifuge",
      zh: "碟片式连续离心机",
      makers: [
        ["Alfa Laval", "Clara 20"],
        ["Nanjing Lvzhou", "DHC-400"],
      ],
      params: [[["throughput", 100, 2000]]],
      rateYuan: [200, 500],
      valueWan: [40, 150],
      setup: [60],
      hours: [2, 24],
      units: [1],
    },
  ],
  clean_energy: [
    {
      category: "battery_cycler",
      en: "Battery charge-discharge cycler",
      zh: "电池充放电测试系统",
      makers: [
        ["Neware", "CT-4008Tn"],
        ["Arbin", "LBT21084"],
        ["Digatron", "MCT"],
      ],
      params: [
        [
          ["channels", 1, 64],
          ["voltage", 0, 5],
          ["current", 0, 100],
        ],
        [
          ["channels", 1, 16],
          ["voltage", 0, 100],
          ["current", 0, 300],
        ],
      ],
      rateYuan: [50, 200],
      valueWan: [20, 150],
      setup: [30],
      hours: [24, 720],
      units: [2, 4, 8],
    },
    {
      category: "climate_chamber",
      en: "Temperature and humidity chamber",
      zh: "高低温湿热试验箱",
      makers: [
        ["ESPEC", "PL-3KPH"],
        ["Weiss Technik", "ClimeEvent C/1000"],
        ["Chongqing Yinhe", "YH-1000"],
      ],
      params: [
        [
          ["volume", 225, 1000],
          ["temperature", -70, 180],
          ["humidity", 10, 98],
        ],
        [
          ["volume", 1000, 8000],
          ["temperature", -40, 150],
          ["humidity", 20, 95],
        ],
      ],
      rateYuan: [60, 250],
      valueWan: [15, 120],
      setup: [60],
      hours: [8, 720],
      units: [1, 2, 3],
    },
    {
      category: "coating_line",
      en: "Electrode coating and drying line",
      zh: "极片涂布干燥中试线",
      makers: [
        ["Yinghe Technology", "TB-600"],
        ["Hirano Tecseed", "M-200"],
      ],
      params: [
        [
          ["width", 100, 600],
          ["speed", 1, 30],
          ["temperature", 60, 150],
        ],
      ],
      rateYuan: [800, 2500],
      valueWan: [300, 900],
      setup: [120, 180],
      hours: [8, 72],
      units: [1],
    },
    {
      category: "glovebox",
      en: "Argon glovebox workstation",
      zh: "氩气手套箱工作站",
      makers: [
        ["MBraun", "LABstar"],
        ["Mikrouna", "Universal 2440"],
      ],
      params: [[["volume", 500, 1500]]],
      rateYuan: [60, 150],
      valueWan: [20, 60],
      setup: [30],
      hours: [2, 72],
      units: [1, 2],
    },
    {
      category: "accelerating_rate_calorimeter",
      en: "Accelerating rate calorimeter",
      zh: "加速量热仪",
      makers: [
        ["THT", "BTC-500"],
        ["NETZSCH", "ARC 254"],
      ],
      params: [
        [
          ["temperature", 20, 500],
          ["pressure", 0, 200],
        ],
      ],
      rateYuan: [500, 1200],
      valueWan: [150, 400],
      setup: [60],
      hours: [8, 72],
      units: [1],
    },
  ],
  electronic_information: [
    {
      category: "wafer_prober",
      en: "Semi-automatic wafer prober",
      zh: "半自动晶圆探针台",
      makers: [
        ["FormFactor", "CM300xi"],
        ["Semishare", "SA-8"],
        ["MPI", "TS2000-SE"],
      ],
      params: [
        [
          ["wafer_size", 50, 200],
          ["temperature", -60, 300],
        ],
        [
          ["wafer_size", 100, 300],
          ["temperature", -40, 200],
        ],
      ],
      rateYuan: [400, 1200],
      valueWan: [200, 900],
      setup: [30, 60],
      hours: [2, 24],
      units: [1],
    },
    {
      category: "reflow_oven",
      en: "Nitrogen reflow oven",
      zh: "氮气回流焊炉",
      makers: [
        ["Heller", "1936 MK7"],
        ["JT", "NS-1000"],
      ],
      params: [
        [
          ["temperature", 25, 350],
          ["width", 50, 460],
          ["speed", 0.3, 2],
        ],
      ],
      rateYuan: [150, 400],
      valueWan: [50, 150],
      setup: [60],
      hours: [2, 24],
      units: [1],
    },
    {
      category: "emc_chamber",
      en: "3 m semi-anechoic EMC chamber",
      zh: "3米法半电波暗室",
      makers: [
        ["ETS-Lindgren", "FACT 3"],
        ["Changzhou Jinfeng", "SAC-3"],
      ],
      params: [[["frequency", 30_000_000, 18_000_000_000]]],
      rateYuan: [800, 2000],
      valueWan: [500, 1500],
      setup: [30],
      hours: [2, 24],
      units: [1],
    },
    {
      category: "network_analyzer",
      en: "Vector network analyzer",
      zh: "矢量网络分析仪",
      makers: [
        ["Keysight", "N5247B"],
        ["Rohde & Schwarz", "ZNA43"],
        ["Ceyear", "3672E"],
      ],
      params: [
        [["frequency", 10_000_000, 67_000_000_000]],
        [["frequency", 10_000_000, 43_500_000_000]],
      ],
      rateYuan: [200, 600],
      valueWan: [100, 500],
      setup: [15],
      hours: [1, 8],
      units: [1, 2],
    },
    {
      category: "xray_inspection",
      en: "3D X-ray inspection system",
      zh: "三维X射线检测系统",
      makers: [
        ["Nordson", "Quadra 7"],
        ["Unicomp", "AX9100"],
      ],
      params: [[["resolution", 500, null]]],
      rateYuan: [300, 800],
      valueWan: [100, 400],
      setup: [15],
      hours: [1, 8],
      units: [1],
    },
    {
      category: "smt_line",
      en: "SMT placement pilot line",
      zh: "SMT贴片中试线",
      makers: [
        ["Fuji", "NXT III"],
        ["Panasonic", "NPM-D3"],
      ],
      params: [
        [
          ["width", 50, 510],
          ["throughput", 0, 50],
        ],
      ],
      rateYuan: [600, 1500],
      valueWan: [300, 800],
      setup: [120],
      hours: [4, 48],
      units: [1],
    },
  ],
  advanced_equipment: [
    {
      category: "cnc_machining_centre",
      en: "Five-axis CNC machining centre",
      zh: "五轴数控加工中心",
      makers: [
        ["DMG MORI", "DMU 65 monoBLOCK"],
        ["Kede CNC", "KMC800"],
        ["Haas", "UMC-750"],
      ],
      params: [
        [
          ["travel", 0, 750],
          ["spindle_speed", 0, 18000],
        ],
        [
          ["travel", 0, 1000],
          ["spindle_speed", 0, 12000],
        ],
      ],
      rateYuan: [300, 800],
      valueWan: [150, 600],
      setup: [60, 90],
      hours: [2, 48],
      units: [1, 2],
    },
    {
      category: "vibration_table",
      en: "Electrodynamic vibration table",
      zh: "电动振动台",
      makers: [
        ["Suzhou Sushi", "DC-3200"],
        ["Brüel & Kjær", "LDS V875"],
        ["ETS Solutions", "MPA409"],
      ],
      params: [
        [
          ["force", 0, 32],
          ["frequency", 2, 2500],
          ["acceleration", 0, 100],
        ],
        [
          ["force", 0, 100],
          ["frequency", 2, 2000],
          ["acceleration", 0, 80],
        ],
      ],
      rateYuan: [300, 900],
      valueWan: [60, 300],
      setup: [60],
      hours: [2, 24],
      units: [1],
    },
    {
      category: "cmm",
      en: "Coordinate measuring machine",
      zh: "三坐标测量机",
      makers: [
        ["Hexagon", "Global S 9.15.8"],
        ["ZEISS", "CONTURA"],
      ],
      params: [
        [
          ["travel", 0, 1500],
          ["resolution", 100, null],
        ],
      ],
      rateYuan: [200, 500],
      valueWan: [80, 300],
      setup: [30],
      hours: [1, 8],
      units: [1],
    },
    {
      category: "metal_3d_printer",
      en: "Laser powder-bed metal 3D printer",
      zh: "激光选区熔化金属3D打印机",
      makers: [
        ["Bright Laser Technologies", "BLT-S400"],
        ["EOS", "M 290"],
        ["Farsoon", "FS273M"],
      ],
      params: [
        [
          ["travel", 0, 400],
          ["laser_power", 0, 500],
        ],
        [
          ["travel", 0, 250],
          ["laser_power", 0, 400],
        ],
      ],
      rateYuan: [400, 1200],
      valueWan: [200, 900],
      setup: [120],
      hours: [8, 168],
      units: [1],
    },
    {
      category: "robot_test_cell",
      en: "Industrial robot test cell",
      zh: "工业机器人测试单元",
      makers: [
        ["ABB", "IRB 6700"],
        ["Efort", "ER210"],
      ],
      params: [
        [
          ["force", 0, 2.1],
          ["travel", 0, 2650],
        ],
      ],
      rateYuan: [200, 600],
      valueWan: [60, 200],
      setup: [60],
      hours: [2, 48],
      units: [1],
    },
  ],
  aerospace: [
    {
      category: "altitude_chamber",
      en: "Altitude and temperature test chamber",
      zh: "高度温度试验箱",
      makers: [
        ["Chongqing Sida", "GDW-1000"],
        ["Thermotron", "SE-2000"],
      ],
      params: [
        [
          ["altitude", 0, 30],
          ["temperature", -70, 150],
          ["volume", 1000, 8000],
        ],
      ],
      rateYuan: [500, 1500],
      valueWan: [150, 600],
      setup: [90],
      hours: [4, 72],
      units: [1],
    },
    {
      category: "thermal_vacuum_chamber",
      en: "Thermal vacuum chamber",
      zh: "热真空试验罐",
      makers: [
        ["Beijing Institute of Spacecraft Environment", "KM-2"],
        ["Dynavac", "TVAC-1200"],
      ],
      params: [
        [
          ["temperature", -180, 150],
          ["pressure", 0, 0.00001],
          ["volume", 1000, 5000],
        ],
      ],
      rateYuan: [1000, 3000],
      valueWan: [500, 1800],
      setup: [180],
      hours: [24, 240],
      units: [1],
    },
    {
      category: "engine_test_bench",
      en: "Small turbine engine test bench",
      zh: "小型涡轮发动机试车台",
      makers: [
        ["Zhongfa Tianxin", "ETB-20"],
        ["Sichuan Gas Turbine Research", "TB-5"],
      ],
      params: [
        [
          ["thrust", 0, 20],
          ["altitude", 0, 15],
        ],
      ],
      rateYuan: [3000, 8000],
      valueWan: [1500, 5000],
      setup: [240],
      hours: [4, 24],
      units: [1],
    },
    {
      category: "vibration_table",
      en: "High-thrust vibration system",
      zh: "大推力振动试验系统",
      makers: [
        ["Suzhou Sushi", "DC-10000"],
        ["Unholtz-Dickie", "T4000"],
      ],
      params: [
        [
          ["force", 0, 100],
          ["frequency", 5, 2000],
          ["acceleration", 0, 60],
        ],
      ],
      rateYuan: [600, 1500],
      valueWan: [200, 600],
      setup: [90],
      hours: [2, 24],
      units: [1],
    },
  ],
  ai: [
    {
      category: "gpu_cluster",
      en: "GPU training node",
      zh: "GPU训练计算节点",
      makers: [
        ["Inspur", "NF5688M7"],
        ["Sugon", "X785-G30"],
      ],
      params: [
        [
          ["gpu_memory", 0, 640],
          ["channels", 1, 8],
        ],
      ],
      rateYuan: [80, 200],
      valueWan: [150, 400],
      setup: [0],
      hours: [1, 720],
      units: [4, 8],
    },
    {
      category: "machine_vision_station",
      en: "Machine-vision inspection station",
      zh: "机器视觉检测工位",
      makers: [
        ["Hikrobot", "MV-VS2000"],
        ["Cognex", "In-Sight 9000"],
      ],
      params: [
        [
          ["resolution", 3000, null],
          ["speed", 0, 60],
        ],
      ],
      rateYuan: [100, 300],
      valueWan: [20, 80],
      setup: [30],
      hours: [1, 24],
      units: [1, 2],
    },
  ],
  medicine_health: [
    {
      category: "tablet_press",
      en: "Rotary tablet press",
      zh: "旋转式压片机",
      makers: [
        ["Fette", "102i"],
        ["Beijing Guoyao Longli", "GZPK-370"],
      ],
      params: [
        [
          ["throughput", 5, 120],
          ["force", 0, 100],
        ],
      ],
      rateYuan: [300, 800],
      valueWan: [80, 300],
      setup: [120],
      hours: [4, 48],
      units: [1],
    },
    {
      category: "aseptic_filling_line",
      en: "Aseptic vial filling line (GMP)",
      zh: "无菌西林瓶灌装线（GMP）",
      makers: [
        ["Tofflon", "KGS-8"],
        ["Bosch", "FXS 5100"],
      ],
      params: [[["throughput", 10, 200]]],
      rateYuan: [2000, 6000],
      valueWan: [800, 3000],
      setup: [240],
      hours: [8, 48],
      units: [1],
    },
    {
      category: "extraction_unit",
      en: "Multi-function herbal extraction unit",
      zh: "多功能中药提取罐",
      makers: [
        ["Wenzhou Ace", "TQ-1000"],
        ["Zhejiang Dafeng", "DT-500"],
      ],
      params: [
        [
          ["volume", 100, 1000],
          ["temperature", 20, 120],
          ["pressure", 0, 1.5],
        ],
      ],
      rateYuan: [200, 600],
      valueWan: [30, 150],
      setup: [120],
      hours: [4, 72],
      units: [1, 2],
    },
  ],
  food_agriculture: [
    {
      category: "uht_line",
      en: "UHT sterilisation pilot line",
      zh: "超高温瞬时灭菌中试线",
      makers: [
        ["Tetra Pak", "Pilot UHT"],
        ["Shanghai Jiedong", "UHT-300"],
      ],
      params: [
        [
          ["throughput", 50, 500],
          ["temperature", 80, 150],
        ],
      ],
      rateYuan: [300, 800],
      valueWan: [60, 200],
      setup: [120],
      hours: [4, 24],
      units: [1],
    },
    {
      category: "extruder",
      en: "Twin-screw food extruder",
      zh: "双螺杆食品挤压机",
      makers: [
        ["Coperion", "ZSK 27"],
        ["Jinan Saixin", "DSE-65"],
      ],
      params: [
        [
          ["throughput", 10, 150],
          ["temperature", 20, 200],
        ],
      ],
      rateYuan: [200, 600],
      valueWan: [50, 250],
      setup: [90],
      hours: [4, 48],
      units: [1],
    },
  ],
  chemicals: [
    {
      category: "flow_reactor",
      en: "Continuous-flow microreactor",
      zh: "连续流微通道反应器",
      makers: [
        ["Corning", "G1 AFR"],
        ["Shandong Haomai", "HMR-50"],
      ],
      params: [
        [
          ["throughput", 0.5, 20],
          ["temperature", -40, 200],
          ["pressure", 0, 18],
        ],
      ],
      rateYuan: [300, 900],
      valueWan: [80, 300],
      setup: [60, 90],
      hours: [4, 120],
      units: [1, 2],
    },
    {
      category: "distillation_column",
      en: "Pilot distillation column",
      zh: "中试精馏塔",
      makers: [
        ["Sulzer", "DX-100"],
        ["Tianjin Univ. Beiyang", "JL-150"],
      ],
      params: [
        [
          ["throughput", 5, 100],
          ["temperature", 20, 300],
          ["pressure", 0, 5],
        ],
      ],
      rateYuan: [300, 800],
      valueWan: [60, 250],
      setup: [120],
      hours: [8, 120],
      units: [1],
    },
    {
      category: "extruder",
      en: "Twin-screw compounding extruder",
      zh: "双螺杆混炼挤出机",
      makers: [
        ["Coperion", "ZSK 26 Mc18"],
        ["Nanjing Keya", "SHJ-35"],
      ],
      params: [
        [
          ["throughput", 5, 100],
          ["temperature", 20, 400],
        ],
      ],
      rateYuan: [250, 700],
      valueWan: [60, 300],
      setup: [90],
      hours: [4, 48],
      units: [1],
    },
  ],
};
