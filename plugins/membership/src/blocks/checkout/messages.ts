import { messages } from '../../../../../tenant-ui/src/shared/i18n.ts'

/** The checkout section's strings. */
export const checkoutMemberText = messages({
  'zh-CN': {
    title: '积分与余额',
    usePoints: '使用积分抵扣',
    pointsAvailable: (n: number) => `可用 ${n} 积分`,
    pointsToUse: '使用积分数',
    pointsHelp: '抵扣按本店规则计算，最多抵扣订单的一部分。',
    pointsInvalid: (max: number) => `请输入 1 到 ${max} 之间的整数`,
    useBalance: '使用余额支付',
    balanceAvailable: (amount: string) => `余额 ${amount}`,
    balanceToUse: '使用余额（元）',
    balanceHelp:
      '余额可支付整单（含运费）；不足的部分用下方的支付方式支付。储值充值不能用余额或积分支付。',
    balanceInvalid: (max: string) => `请输入不超过 ${max} 的金额`,
    deducted: (amount: string) => `本单抵扣 ${amount}`,
    notApplied: '本单暂不能抵扣',
    refused: (why: string) => `积分或余额未能使用：${why}`,
  },
  en: {
    title: 'Points and balance',
    usePoints: 'Use points',
    pointsAvailable: (n: number) => `${n} points available`,
    pointsToUse: 'Points to use',
    pointsHelp: 'Points count at the mall’s rate, for up to a share of the order.',
    pointsInvalid: (max: number) => `Enter a whole number from 1 to ${max}`,
    useBalance: 'Pay with balance',
    balanceAvailable: (amount: string) => `Balance ${amount}`,
    balanceToUse: 'Balance to use (¥)',
    balanceHelp:
      'The balance can pay the whole order, shipping included; what it does not cover is paid with the method below. Top-ups cannot be paid with balance or points.',
    balanceInvalid: (max: string) => `Enter an amount up to ${max}`,
    deducted: (amount: string) => `${amount} off this order`,
    notApplied: 'Nothing off this order',
    refused: (why: string) => `Points or balance could not be used: ${why}`,
  },
})
