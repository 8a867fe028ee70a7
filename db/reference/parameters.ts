// Capability parameters equipment can declare, each stored in one canonical unit.
export const parameterKeys = {
  volume: { unit: "L", en: "Working volume", zh: "工作容积" },
  temperature: { unit: "°C", en: "Temperature", zh: "温度" },
  pressure: { unit: "bar", en: "Pressure", zh: "压力" },
  throughput: { unit: "kg/h", en: "Throughput", zh: "处理量" },
  force: { unit: "kN", en: "Force", zh: "载荷" },
  frequency: { unit: "Hz", en: "Frequency", zh: "频率" },
  humidity: { unit: "%RH", en: "Relative humidity", zh: "相对湿度" },
  voltage: { unit: "V", en: "Voltage", zh: "电压" },
  current: { unit: "A", en: "Current", zh: "电流" },
  channels: { unit: "ch", en: "Channels", zh: "通道数" },
  resolution: { unit: "nm", en: "Resolution", zh: "分辨率" },
  wafer_size: { unit: "mm", en: "Wafer size", zh: "晶圆尺寸" },
  travel: { unit: "mm", en: "Axis travel", zh: "行程" },
  spindle_speed: { unit: "rpm", en: "Spindle speed", zh: "主轴转速" },
  laser_power: { unit: "W", en: "Laser power", zh: "激光功率" },
  altitude: { unit: "km", en: "Simulated altitude", zh: "模拟高度" },
  thrust: { unit: "kN", en: "Thrust", zh: "推力" },
  width: { unit: "mm", en: "Web width", zh: "幅宽" },
  speed: { unit: "m/min", en: "Line speed", zh: "线速度" },
  gpu_memory: { unit: "GB", en: "GPU memory", zh: "显存" },
  acceleration: { unit: "g", en: "Acceleration", zh: "加速度" },
  area: { unit: "m²", en: "Shelf area", zh: "板层面积" },
} as const;

export type ParameterKey = keyof typeof parameterKeys;
